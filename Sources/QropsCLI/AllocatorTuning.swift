#if canImport(Glibc)
import Glibc
#endif

/// How the C allocator grows its heaps, set once when the process starts.
///
/// glibc gives each worker thread its own heap and makes it readable and writable one piece
/// at a time, with an `mprotect` call each time it grows: linting the 100,000-code benchmark
/// portfolio made 56,000 of them (about a tenth of lint's CPU time, in the kernel). With a
/// 64 MiB top pad a new heap is made usable in one call and the main heap grows in 64 MiB
/// steps. Memory is only committed when touched, so the resident size does not change; the
/// pad also keeps glibc from handing freed memory back only to fault it in again.
enum AllocatorTuning {
    static let topPad: Int32 = 64 << 20

    static func apply() {
        #if canImport(Glibc)
        // `mallopt` and `M_TOP_PAD` (-2) are in <malloc.h>, which the Glibc module does not
        // import: look the function up in the process's own symbols.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let topPadOption: Int32 = -2
        _ = mallopt(topPadOption, topPad)
        #endif
    }
}
