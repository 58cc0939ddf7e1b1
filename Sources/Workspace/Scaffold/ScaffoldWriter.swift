import Foundation

/// Writes `qrops init`'s files into a folder: the I/O half of the scaffold.
///
/// The folder may be missing (it is created), empty, or hold nothing but `.git` (a fresh
/// `git init`). Anything else is refused unless `force` is set; even then an existing file is
/// never overwritten: it is kept and reported.
public enum ScaffoldWriter {
    public enum Failure: Error, Sendable, Equatable {
        case notAFolder(String)
        case notEmpty(String, entries: [String])
        case cannotWrite(String, reason: String)

        public var message: String {
            switch self {
            case .notAFolder(let path): "`\(path)` exists and is not a folder"
            case .notEmpty(let path, let entries):
                "`\(path)` is not empty (it holds \(entries.prefix(3).joined(separator: ", "))\(entries.count > 3 ? ", ..." : ""))"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }

        public var hint: String? {
            switch self {
            case .notEmpty: "pass an empty or new folder, or --force to add the missing files (existing files are kept)"
            case .notAFolder, .cannotWrite: nil
            }
        }
    }

    public struct Outcome: Sendable, Equatable {
        /// Paths written, and paths that existed and were kept, relative to the folder.
        public var written: [String]
        public var kept: [String]
    }

    public static func write(_ files: [PortfolioTemplate.File], into directory: String, force: Bool) throws(Failure) -> Outcome {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notAFolder(directory) }
            let entries = ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).filter { $0 != ".git" }.sorted()
            if !entries.isEmpty, !force { throw .notEmpty(directory, entries: entries) }
        }
        var outcome = Outcome(written: [], kept: [])
        for file in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(file.path)
            if manager.fileExists(atPath: url.path) {
                outcome.kept.append(file.path)
                continue
            }
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw .cannotWrite(file.path, reason: error.localizedDescription)
            }
            outcome.written.append(file.path)
        }
        return outcome
    }
}
