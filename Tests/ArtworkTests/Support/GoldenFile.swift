import Foundation
import TestSupport
import Testing

/// Golden files in `Tests/ArtworkTests/Golden` (`GoldenFolder`: byte-exact; a binary file's
/// difference is shown as hex lines; `QROPS_RECORD=1` rewrites them).
enum GoldenFile {
    static let folder = GoldenFolder(supportFile: #filePath, bundleResources: Bundle.module.resourceURL)

    static func check(_ actual: [UInt8], named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        folder.expectMatch(actual, file: name, sourceLocation: sourceLocation)
    }

    static func check(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        folder.expectMatch(actual, file: name, sourceLocation: sourceLocation)
    }
}
