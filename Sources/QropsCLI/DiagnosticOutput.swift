import Diagnostics
import Foundation
import Rules
import Workspace

/// Writes diagnostics in the chosen format: human to stderr (colour only on a terminal and
/// without NO_COLOR), the machine formats to stdout.
enum DiagnosticOutput {
    static let informationURI = "https://github.com/qrops/qrops"

    /// `extraSources` adds texts that are not in the working tree (the base's files, keyed
    /// `REF:path`), for code frames.
    static func write(_ diagnostics: [Diagnostic], filesChecked: Int, format: DiagnosticFormat, root: String,
                      extraSources: [String: SourceText] = [:]) {
        switch format {
        case .human:
            let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            let texts = sources(for: diagnostics, root: root).merging(extraSources) { disk, _ in disk }
            let renderer = HumanRenderer(colour: colour, sources: texts)
            Console.standardError(renderer.render(diagnostics, filesChecked: filesChecked))
        case .json:
            Console.standardOutput(JSONRenderer(toolVersion: QropsVersion.current).render(diagnostics, filesChecked: filesChecked))
        case .sarif:
            let renderer = SARIFRenderer(
                toolVersion: QropsVersion.current, rules: KnownChecks.all, informationURI: informationURI)
            Console.standardOutput(renderer.render(diagnostics, filesChecked: filesChecked))
        case .github:
            Console.standardOutput(GitHubRenderer().render(diagnostics, filesChecked: filesChecked))
        }
    }

    /// The text of every file a diagnostic or note points into, for code frames.
    static func sources(for diagnostics: [Diagnostic], root: String) -> [String: SourceText] {
        var paths = Set<String>()
        for diagnostic in diagnostics where !diagnostic.isSuppressed {
            paths.insert(diagnostic.location.file)
            for note in diagnostic.notes { if let location = note.location { paths.insert(location.file) } }
        }
        var sources: [String: SourceText] = [:]
        let repository = DiskRepository(root: root)
        for path in paths {
            guard case .success(let bytes) = repository.read(path) else { continue }
            sources[path] = SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
        }
        return sources
    }
}

enum Console {
    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
