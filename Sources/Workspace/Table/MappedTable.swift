#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TableFormat

/// A `.qrt` file memory-mapped read-only and opened with `QRTReader` (the I/O edge of the
/// table format; docs/table-format.md, "Reading a file"). The mapping lives as long as the
/// reader (or any copy of it) does. `qrops build` replaces `redirects.qrt` by renaming a new
/// file over it, so a mapped file never changes under a reader; truncating a mapped file in
/// place would make reads fault, as with any memory-mapped file.
public enum MappedTable {
    public enum OpenError: Error, Sendable, CustomStringConvertible, Equatable {
        case io(path: String, message: String)
        case invalid(path: String, QRTError)

        public var description: String {
            switch self {
            case .io(let path, let message): "\(path): \(message)"
            case .invalid(let path, let error): "\(path): \(error)"
            }
        }
    }

    public static func open(path: String, verification: QRTVerification = .full) throws(OpenError) -> QRTReader {
        let region = try MappedRegion(path: path)
        // A full check reads the file front to back; lookups then read a few scattered pages.
        region.advise(verification == .full ? .sequential : .random)
        do {
            let reader = try QRTReader(buffer: region.buffer, owner: region, verification: verification)
            if verification == .full { region.advise(.random) }
            return reader
        } catch {
            throw .invalid(path: path, error)
        }
    }
}

/// The read-only mapping of one file, unmapped when the last reader using it goes away.
final class MappedRegion: @unchecked Sendable {
    // @unchecked: the mapping is read-only and never changes after init.
    private let base: UnsafeMutableRawPointer?
    private let count: Int

    init(path: String) throws(MappedTable.OpenError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, message: Self.errorText("cannot open", errno)) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .io(path: path, message: Self.errorText("cannot stat", errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .io(path: path, message: "not a regular file") }
        count = Int(status.st_size)
        guard count > 0 else {
            base = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else { throw .io(path: path, message: Self.errorText("cannot map", errno)) }
        base = mapped
    }

    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: base == nil ? 0 : count) }

    enum Access { case sequential, random }

    /// Tells the kernel how the pages will be read: read ahead generously for a front-to-back
    /// check, or not at all for lookups, which touch a few scattered pages each.
    func advise(_ access: Access) {
        guard let base else { return }
        _ = madvise(base, count, access == .sequential ? MADV_SEQUENTIAL : MADV_RANDOM)
    }

    deinit {
        if let base { munmap(base, count) }
    }

    private static func errorText(_ what: String, _ code: Int32) -> String {
        "\(what): " + (strerror(code).map { String(cString: $0) } ?? "error \(code)")
    }
}
