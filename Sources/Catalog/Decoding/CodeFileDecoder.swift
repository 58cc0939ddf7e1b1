import Diagnostics
import YAMLTree

/// Decodes one code file: either a single code, or `defaults:` plus a `codes:` list.
public enum CodeFileDecoder {
    /// `inherited` is the merged `_defaults.yaml` chain of the file's folder, if any.
    public static func decode(_ document: YAMLDocument, inherited: YAMLNode?, files: FileTable) -> (codes: [Code], diagnostics: [Diagnostic]) {
        var reader = NodeReader(files: files)
        guard let root = document.root else { return ([], []) }
        guard let entries = reader.mapping(root, what: "a code file") else { return ([], reader.diagnostics) }
        var codes: [Code] = []
        if entries.contains(where: { $0.key.text == "codes" }) {
            var fileDefaults: YAMLNode?
            var list: [YAMLNode] = []
            for entry in entries {
                switch entry.key.text {
                case "defaults":
                    if reader.mapping(entry.value, what: "`defaults`") != nil {
                        _ = CodeDecoder.decode(entry.value, reader: &reader, partial: true)
                        fileDefaults = entry.value
                    }
                case "codes":
                    list = reader.sequence(entry.value, what: "`codes`") ?? []
                default:
                    let hint = CodeDecoder.keys.contains(entry.key.text)
                        ? "a file with a `codes:` list takes shared keys under `defaults:`"
                        : DidYouMean.hint(for: entry.key.text, among: ["defaults", "codes"])
                    reader.report(SchemaRule.unknownKey, "unknown key `\(entry.key.text)` in a file with a `codes:` list",
                                  at: entry.keyMark, length: entry.key.text.unicodeScalars.count, hint: hint)
                }
            }
            let defaults = merged(fileDefaults, over: inherited).flatMap { CodeDefaults($0, files: files) }
            codes.reserveCapacity(list.count)
            for item in list {
                guard item.entries != nil else {
                    _ = reader.mapping(item, what: "each item of `codes`")
                    continue
                }
                if let code = decode(item, over: defaults, reader: &reader) { codes.append(code) }
            }
        } else {
            let defaults = inherited.flatMap { CodeDefaults($0, files: files) }
            if let code = decode(root, over: defaults, reader: &reader) { codes.append(code) }
        }
        return (codes, reader.diagnostics)
    }

    /// One code with its defaults, as if they were merged under it (`DefaultsMerger`).
    static func decode(_ node: YAMLNode, over defaults: CodeDefaults?, reader: inout NodeReader) -> Code? {
        guard let defaults else { return CodeDecoder.decode(node, reader: &reader) }
        return CodeDecoder.decode(node, over: defaults, reader: &reader)
    }

    /// Checks a `_defaults.yaml` on its own (no field is required there).
    public static func checkDefaults(_ document: YAMLDocument, files: FileTable) -> [Diagnostic] {
        guard let root = document.root else { return [] }
        var reader = NodeReader(files: files)
        _ = CodeDecoder.decode(root, reader: &reader, partial: true)
        return reader.diagnostics
    }

    /// `child` (nearer) merged over `parent`.
    public static func merged(_ child: YAMLNode?, over parent: YAMLNode?) -> YAMLNode? {
        guard let child else { return parent }
        guard let parent else { return child }
        return DefaultsMerger.merge(parent, under: child)
    }
}
