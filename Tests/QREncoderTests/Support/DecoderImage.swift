import Foundation
@testable import QREncoder

/// Writes a symbol as a binary PGM (P5) image for the decoders: `quietZone` light modules on
/// every side (4 by the standard), `scale` pixels per module, black on white.
enum DecoderImage {
    static func pgm(_ code: QRCode, scale: Int = 4, quietZone: Int = 4) -> Data {
        let side = (code.size + 2 * quietZone) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for y in 0..<code.size {
            for x in 0..<code.size where code.isDark(x: x, y: y) {
                for dy in 0..<scale {
                    let row = ((y + quietZone) * scale + dy) * side
                    for dx in 0..<scale { pixels[row + (x + quietZone) * scale + dx] = 0 }
                }
            }
        }
        var data = Data("P5\n\(side) \(side)\n255\n".utf8)
        data.append(contentsOf: pixels)
        return data
    }
}

/// Parses ZXingReader's batch output into file name → decoded text.
enum DecoderOutput {
    /// ZXingReader with several files prints blocks of `Key: value` lines, each starting with
    /// `File:`; the text is the quoted value of `Text:`.
    static func zxing(_ output: String) -> [String: String] {
        var results: [String: String] = [:]
        var file: String?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("File:") {
                file = String(line.dropFirst(5).trimmingCharacters(in: .whitespaces))
            } else if line.hasPrefix("Text:"), let file,
                      let first = line.firstIndex(of: "\""), let last = line.lastIndex(of: "\""), first < last {
                results[URL(fileURLWithPath: file).lastPathComponent] = String(line[line.index(after: first)..<last])
            }
        }
        return results
    }
}
