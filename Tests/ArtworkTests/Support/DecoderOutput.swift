import Foundation

/// What the real decoders read from each image file: the payload bytes, keyed by file name.
enum DecoderOutput {
    struct ZXingSymbol: Equatable {
        let bytes: [UInt8]
        let errorCorrection: String
    }

    /// `ZXingReader` prints a block per file (`File:`, `Bytes:` as hex, `EC Level:`), or
    /// `No barcode found`. Files with one symbol map to it; others are absent.
    static func zxing(_ stdout: Data) -> [String: ZXingSymbol] {
        var symbols: [String: [ZXingSymbol]] = [:]
        var file: String?
        var bytes: [UInt8]?
        for line in String(decoding: stdout, as: UTF8.self).split(separator: "\n") {
            let (key, value) = field(line)
            switch key {
            case "File":
                file = URL(fileURLWithPath: value).lastPathComponent
                bytes = nil
            case "Bytes":
                bytes = value.split(separator: " ").compactMap { UInt8($0, radix: 16) }
            case "EC Level":
                if let file, let bytes {
                    symbols[file, default: []].append(ZXingSymbol(bytes: bytes, errorCorrection: value))
                }
            default:
                continue
            }
        }
        return symbols.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }

    /// A zbar result: the bytes, and whether zbar flagged them binary (base64 in its XML).
    struct ZbarSymbol: Equatable {
        let bytes: [UInt8]
        let isBase64: Bool
    }

    /// `zbarimg --xml`: `<source href='…'>` then each symbol's `<data>` in CDATA, base64 when
    /// zbar considers it binary. Files with one symbol map to it.
    ///
    /// zbar 0.23.92 sign-extends bytes ≥ 0x80 when it writes base64 (`C3` comes out as `FF FF C3`),
    /// so base64 results are only good as "decoded"; read their bytes with `zbarimg --raw`.
    static func zbar(_ stdout: Data) -> [String: ZbarSymbol] {
        let xml = String(decoding: stdout, as: UTF8.self)
        var symbols: [String: [ZbarSymbol]] = [:]
        for source in xml.components(separatedBy: "<source href='").dropFirst() {
            guard let end = source.firstIndex(of: "'") else { continue }
            let file = URL(fileURLWithPath: String(source[..<end])).lastPathComponent
            symbols[file] = source.components(separatedBy: "<data").dropFirst().compactMap(symbol)
        }
        return symbols.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }

    /// `zbarimg --raw` on one file: the data and a newline.
    static func zbarRaw(_ stdout: Data) -> [UInt8] {
        var bytes = [UInt8](stdout)
        if bytes.last == 0x0A { bytes.removeLast() }
        return bytes
    }

    private static func symbol(_ element: String) -> ZbarSymbol? {
        guard let open = element.range(of: "<![CDATA["), let close = element.range(of: "]]></data>") else { return nil }
        let content = String(element[open.upperBound..<close.lowerBound])
        guard element[..<open.lowerBound].contains("format='base64'") else {
            return ZbarSymbol(bytes: Array(content.utf8), isBase64: false)
        }
        let base64 = content.filter { !$0.isWhitespace }
        return Data(base64Encoded: base64).map { ZbarSymbol(bytes: [UInt8]($0), isBase64: true) }
    }

    private static func field(_ line: Substring) -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { return ("", "") }
        let value = line[line.index(after: colon)...].drop { $0 == " " }
        return (String(line[..<colon]), String(value))
    }
}
