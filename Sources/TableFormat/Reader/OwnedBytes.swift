/// A private, aligned copy of a table's bytes, kept alive by the readers that use it.
final class OwnedBytes: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
    let count: Int

    init(copying bytes: [UInt8]) {
        count = bytes.count
        pointer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { pointer.copyMemory(from: base, byteCount: source.count) }
        }
    }

    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: pointer, count: count) }

    deinit { pointer.deallocate() }
}
