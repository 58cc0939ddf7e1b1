import Foundation
import TestSupport
import Testing

/// Golden files in `Tests/DiagnosticsTests/Golden` (`GoldenFolder`: byte-exact, `QROPS_RECORD=1`
/// rewrites them).
enum Golden {
    static let folder = GoldenFolder(supportFile: #filePath, bundleResources: Bundle.module.resourceURL)

    static var directory: URL { folder.directory }

    static func expectMatch(_ actual: String, file name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        folder.expectMatch(actual, file: name, sourceLocation: sourceLocation)
    }
}
