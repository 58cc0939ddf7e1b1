import CZlib

/// Builds a PNG byte stream chunk by chunk: signature, then length, type, data and CRC-32 per
/// chunk (zlib's `crc32`); `deflate` wraps zlib's `compress2`.
struct PNGChunkWriter {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    private(set) var bytes: [UInt8] = PNGChunkWriter.signature

    mutating func append(_ type: String, _ data: [UInt8]) {
        let typeAndData = Array(type.utf8) + data
        bytes += PNGChunkWriter.bigEndian(UInt32(data.count))
        bytes += typeAndData
        bytes += PNGChunkWriter.bigEndian(PNGChunkWriter.crc(typeAndData))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        let value = bytes.withUnsafeBufferPointer { buffer in
            crc32(0, buffer.baseAddress, uInt(buffer.count))
        }
        return UInt32(truncatingIfNeeded: value)
    }

    /// A zlib stream at the best compression level; deterministic for a given zlib version.
    static func deflate(_ data: [UInt8]) throws(ArtworkError) -> [UInt8] {
        var capacity = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = output.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &capacity, input.baseAddress, uLong(input.count), Z_BEST_COMPRESSION)
            }
        }
        guard status == Z_OK else { throw .compressionFailed(status: Int(status)) }
        return Array(output.prefix(Int(capacity)))
    }
}
