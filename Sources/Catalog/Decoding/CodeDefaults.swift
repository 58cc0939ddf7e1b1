import Diagnostics
import YAMLTree

/// A file's defaults (its `defaults:` merged over its folders' `_defaults.yaml`), decoded once
/// for all of the file's codes, as `CodeDecoder.decode(_:over:reader:)` needs them.
///
/// Each entry is decoded as it would be inside a code (`target: ~` is a missing required value,
/// an unknown key is unknown "in a code"), into one template code, and the diagnostics each
/// entry gives are kept apart: a code that does not override the entry gets them, as if the
/// entry had been merged into the code and decoded there. `artwork` is the exception: it is
/// decoded with each code, through the reader's per-file artwork cache, as before.
struct CodeDefaults {
    /// The merged defaults' entries, in order.
    let entries: [YAMLEntry]
    /// Every entry but `artwork` decoded into one code.
    let template: Code
    /// What decoding the entries gathered besides the code's fields (not `misspelt`: see below).
    let fields: CodeDecoder.Fields
    /// The diagnostics of all entries; `diagnosticRanges[i]` are entry `i`'s.
    let diagnostics: [Diagnostic]
    let diagnosticRanges: [Range<Int>]
    /// The key that entry `i` (an unknown key) was probably meant to be.
    let misspelt: [String?]
    /// Entries decoded with each code rather than in the template.
    let decodedPerCode: [Bool]
    private let positions: [String: Int]

    /// Nil when `node` is not a mapping or is empty: then there is nothing to merge.
    init?(_ node: YAMLNode, files: FileTable) {
        guard case .mapping(let entries) = node.value, !entries.isEmpty else { return nil }
        var reader = NodeReader(files: files)
        let template = CodeDecoder.blank(at: node.mark, reader: reader)
        var fields = CodeDecoder.Fields(partial: false)
        var ranges: [Range<Int>] = []
        var misspelt: [String?] = []
        var perCode: [Bool] = []
        var positions: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            positions[entry.key.text] = index
            let start = reader.diagnostics.count
            if entry.key.text == "artwork" {
                perCode.append(true)
                misspelt.append(nil)
            } else {
                perCode.append(false)
                CodeDecoder.decode(entry, into: template, fields: &fields, reader: &reader)
                misspelt.append(fields.misspelt.first)
                fields.misspelt.removeAll()
            }
            ranges.append(start..<reader.diagnostics.count)
        }
        self.entries = entries
        self.template = template
        self.fields = fields
        diagnostics = reader.diagnostics
        diagnosticRanges = ranges
        self.misspelt = misspelt
        decodedPerCode = perCode
        self.positions = positions
    }

    /// The index of the entry with `key`, if the defaults have one.
    func index(of key: String) -> Int? { positions[key] }
}
