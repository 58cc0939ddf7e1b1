import Foundation

/// A fresh folder under the system's temporary folder, for tests that write real files.
struct TemporaryFolder {
    let path: String

    init(_ label: String = "build") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func write(_ text: String, to relativePath: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Every regular file below `relativePath`, by path relative to it, with its bytes.
    func snapshot(_ relativePath: String) -> [String: [UInt8]] {
        Self.snapshot(path + "/" + relativePath)
    }

    static func snapshot(_ root: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: full) {
                files[relative] = [UInt8](data)
            }
        }
        return files
    }

    /// The names directly inside `relativePath` ("" for the folder itself), sorted.
    func names(_ relativePath: String = "") -> [String] {
        let folder = relativePath.isEmpty ? path : path + "/" + relativePath
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
}
