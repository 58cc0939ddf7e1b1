import Diagnostics
import YAMLTree

/// Decodes an `artwork:` mapping (in a code, or the artwork policy's defaults).
enum ArtworkDecoder {
    static let keys = ["ec", "size", "formats", "foreground", "background", "quiet-zone", "dpi", "logo"]

    static func decode(_ node: YAMLNode, reader: inout NodeReader, extraKeys: [String] = []) -> ArtworkSpec? {
        guard let entries = reader.mapping(node, what: "`artwork`") else { return nil }
        var spec = ArtworkSpec(location: reader.location(node.mark))
        for entry in entries {
            switch entry.key.text {
            case "ec": spec.ec = reader.enumeration(entry, ErrorCorrectionLevel.self)
            case "size": spec.size = reader.length(entry)
            case "formats":
                guard let list = reader.stringList(entry) else { continue }
                var formats: [ArtworkFormat] = []
                for item in list.value {
                    if let format = ArtworkFormat(rawValue: item.value) {
                        formats.append(format)
                    } else {
                        reader.diagnostics.append(Diagnostic(
                            .error, SchemaRule.invalidEnum,
                            "`\(item.value)` is not an artwork format; allowed: " + ArtworkFormat.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "),
                            at: item.location, length: item.value.unicodeScalars.count))
                    }
                }
                spec.formats = Located(formats, at: list.location, key: list.keyLocation)
            case "foreground": spec.foreground = reader.colour(entry)
            case "background": spec.background = reader.colour(entry)
            case "quiet-zone": spec.quietZone = reader.int(entry, range: 0...100)
            case "dpi": spec.dpi = reader.int(entry, range: 72...4800)
            case "logo":
                guard let fields = reader.mapping(entry.value, what: "`logo`") else { continue }
                for field in fields {
                    switch field.key.text {
                    case "width": spec.logoWidth = reader.number(field, range: 0...1)
                    case "height": spec.logoHeight = reader.number(field, range: 0...1)
                    default: reader.unknownKey(field, known: ["width", "height"], in: "`logo`")
                    }
                }
            default:
                if !extraKeys.contains(entry.key.text) { reader.unknownKey(entry, known: keys + extraKeys, in: "`artwork`") }
            }
        }
        return spec
    }
}
