import Diagnostics
import YAMLTree

/// The paths of every file loaded, indexed by the file id stored in each `Mark`.
public struct FileTable: Sendable {
    public private(set) var paths: [String]

    public init(paths: [String] = []) { self.paths = paths }

    public mutating func add(_ path: String) -> Int32 {
        paths.append(path)
        return Int32(paths.count - 1)
    }

    public func location(_ mark: Mark) -> SourceLocation {
        let index = Int(mark.file)
        let path = index >= 0 && index < paths.count ? paths[index] : "<unknown>"
        return SourceLocation(file: path, line: Int(mark.line), column: Int(mark.column))
    }
}
