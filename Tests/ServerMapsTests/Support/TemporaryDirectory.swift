import Foundation

/// A fresh folder under the system temp folder, removed by `remove()` (callers use `defer`).
/// Set `QROPS_KEEP_TEMP=1` to keep it for a post-mortem.
struct TemporaryDirectory: Sendable {
    let url: URL

    init(_ label: String) throws {
        let name = "qrops-\(label)-\(UUID().uuidString.prefix(8))"
        url = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    func remove() {
        guard ProcessInfo.processInfo.environment["QROPS_KEEP_TEMP"] != "1" else { return }
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes the emitter's files under `folder` (relative), creating subfolders.
    func write(_ files: [EmittedFile], under folder: String = "") throws {
        for file in files {
            let target = folder.isEmpty ? url.appendingPathComponent(file.path) : url.appendingPathComponent(folder).appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: target)
        }
    }

    /// Writes files into `directory`, their paths' `prefix` replaced (`nginx/` → `qrops/`).
    static func write(_ files: [EmittedFile], into directory: URL, replacingPrefix prefix: String, with replacement: String) throws {
        for file in files {
            let path = file.path.hasPrefix(prefix) ? replacement + file.path.dropFirst(prefix.count) : file.path
            let target = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: target)
        }
    }

    func write(_ text: String, to relative: String) throws {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }
}

import ServerMaps
