import CZlib
import Testing

/// Reads back the PNGs our renderer writes, checking everything on the way: signature, chunk
/// CRCs (with an independent CRC-32), IHDR, and the zlib stream (inflated with `uncompress`).
struct PNGReader {
    struct Chunk {
        let type: String
        let data: [UInt8]
    }

    let chunks: [Chunk]
    let width: Int
    let height: Int
    let bitDepth: UInt8
    let colourType: UInt8
    /// One bit value (0 or 1) per pixel, row by row.
    let pixels: [[UInt8]]

    init(_ png: [UInt8]) throws {
        try #require(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        var chunks: [Chunk] = []
        var offset = 8
        while offset < png.count {
            try #require(offset + 12 <= png.count, "truncated chunk")
            let length = Int(PNGReader.uint32(png, at: offset))
            try #require(offset + 12 + length <= png.count, "chunk runs past the end")
            let typeAndData = Array(png[(offset + 4)..<(offset + 8 + length)])
            let storedCRC = PNGReader.uint32(png, at: offset + 8 + length)
            #expect(storedCRC == PNGReader.crc32(typeAndData), "bad CRC")
            chunks.append(Chunk(type: String(decoding: typeAndData.prefix(4), as: UTF8.self), data: Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        self.chunks = chunks
        let header = try #require(chunks.first, "no chunks")
        try #require(header.type == "IHDR" && header.data.count == 13)
        let width = Int(PNGReader.uint32(header.data, at: 0))
        let height = Int(PNGReader.uint32(header.data, at: 4))
        self.width = width
        self.height = height
        bitDepth = header.data[8]
        colourType = header.data[9]
        #expect(Array(header.data[10...]) == [0, 0, 0], "deflate, adaptive filter, no interlace")
        #expect(chunks.last?.type == "IEND")
        let compressed = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        let rowBytes = 1 + (width * Int(header.data[8]) + 7) / 8
        let raw = try PNGReader.inflate(compressed, expectedCount: rowBytes * height)
        pixels = try (0..<height).map { y in
            let row = raw[(y * rowBytes)..<((y + 1) * rowBytes)]
            try #require(row.first == 0, "filter type none")
            let bytes = Array(row.dropFirst())
            return (0..<width).map { x in (bytes[x / 8] >> (7 - UInt8(x % 8))) & 1 }
        }
    }

    func chunk(_ type: String) -> Chunk? { chunks.first { $0.type == type } }

    /// The pHYs density (x, y, unit).
    var physicalDensity: (x: UInt32, y: UInt32, unit: UInt8)? {
        guard let data = chunk("pHYs")?.data, data.count == 9 else { return nil }
        return (PNGReader.uint32(data, at: 0), PNGReader.uint32(data, at: 4), data[8])
    }

    static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Bitwise CRC-32 (ISO 3309, reflected 0xEDB88320), written out rather than taken from zlib.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func inflate(_ compressed: [UInt8], expectedCount: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: expectedCount + 1)
        var length = uLongf(output.count)
        let status = output.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &length, input.baseAddress, uLong(input.count))
            }
        }
        try #require(status == Z_OK, "zlib status \(status)")
        try #require(Int(length) == expectedCount, "inflated \(length) bytes, expected \(expectedCount)")
        return Array(output.prefix(Int(length)))
    }
}
