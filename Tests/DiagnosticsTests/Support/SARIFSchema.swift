import Foundation

/// Finds the official SARIF 2.1.0 JSON schema (OASIS, errata 01).
///
/// Order: `QROPS_SARIF_SCHEMA` (which must exist if set), then `shared/schemas/` beside the
/// repository (`<repo>/../shared` or `<repo>/../../shared`), then the verbatim copy in
/// `Tests/DiagnosticsTests/Golden/`.
enum SARIFSchema {
    static let fileName = "sarif-schema-2.1.0.json"
    static let environmentVariable = "QROPS_SARIF_SCHEMA"

    struct NotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "SARIF schema not found; searched:\n" + searched.joined(separator: "\n") }
    }

    /// `<repo>` from this file's path: `<repo>/Tests/DiagnosticsTests/Support/SARIFSchema.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static var sharedCandidates: [URL] {
        [
            repositoryRoot.appendingPathComponent("../shared/schemas/\(fileName)").standardizedFileURL,
            repositoryRoot.appendingPathComponent("../../shared/schemas/\(fileName)").standardizedFileURL,
        ]
    }

    static var goldenCopy: URL { Golden.directory.appendingPathComponent(fileName) }

    static func locate() throws -> URL {
        if let configured = ProcessInfo.processInfo.environment[environmentVariable], !configured.isEmpty {
            guard FileManager.default.fileExists(atPath: configured) else {
                throw NotFound(searched: ["\(environmentVariable)=\(configured)"])
            }
            return URL(fileURLWithPath: configured)
        }
        let candidates = sharedCandidates + [goldenCopy]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw NotFound(searched: candidates.map(\.path))
        }
        return found
    }
}
