import Foundation
import TestSupport
import Testing

/// Golden files in `Tests/TableFormatTests/Golden` (`GoldenFolder`: byte-exact; `QROPS_RECORD=1`
/// rewrites them). Binary output is kept as a hex dump (`hexDump`), so a change shows as a
/// readable line diff.
enum GoldenFile {
    static let folder = GoldenFolder(supportFile: #filePath, bundleResources: Bundle.module.resourceURL)

    static func check(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        folder.expectMatch(actual, file: name, sourceLocation: sourceLocation)
    }

    /// `xxd`-style: offset, 16 bytes in hex, the printable ASCII.
    static func hexDump(_ bytes: [UInt8]) -> String {
        var lines: [String] = []
        for start in stride(from: 0, to: bytes.count, by: 16) {
            let row = bytes[start..<min(start + 16, bytes.count)]
            var hex = row.map { String(format: "%02x", $0) }.joined(separator: " ")
            hex += String(repeating: " ", count: 47 - hex.count)
            let text = String(row.map { $0 >= 0x20 && $0 < 0x7F ? Character(Unicode.Scalar($0)) : "." })
            lines.append(String(format: "%08x  ", start) + hex + "  |" + text + "|")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
