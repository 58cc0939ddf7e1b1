import Foundation
import TestSupport
import Testing

/// Emitted files compared with `Golden/<target>/<file>` (`GoldenFolder`: byte-exact;
/// `QROPS_RECORD=1` writes them instead; re-record only on purpose).
enum GoldenFiles {
    static let folder = GoldenFolder(supportFile: #filePath, bundleResources: nil)

    static var directory: URL { folder.directory }

    static func check(_ bytes: [UInt8], named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        folder.expectMatch(bytes, file: name, sourceLocation: sourceLocation)
    }
}
