import Diagnostics
import YAMLTree

/// Decodes one code's mapping (defaults already merged in) into a `Code`.
struct CodeDecoder {
    static let keys = CodeKey.allCases.map(\.rawValue)

    /// Decodes `node`. With `partial` (a `_defaults.yaml` or a file's `defaults:`), nothing is
    /// required and no code is returned: only the diagnostics matter.
    static func decode(_ node: YAMLNode, reader: inout NodeReader, partial: Bool = false) -> Code? {
        guard let entries = reader.mapping(node, what: partial ? "defaults" : "a code") else { return nil }
        var fields = Fields(partial: partial)
        let code = blank(at: node.mark, reader: reader)
        for entry in entries { decode(entry, into: code, fields: &fields, reader: &reader) }
        if partial { return nil }
        return finish(code, fields: fields, at: node.mark, reader: &reader) { key in entries.contains { $0.key.text == key } }
    }

    /// Decodes the code `node` over its file's decoded defaults: exactly what decoding `node`
    /// with `defaults.entries` merged under it (`DefaultsMerger`) gives, codes and diagnostics
    /// alike, without building the merged tree or decoding the defaults again for every code.
    /// The code starts as a copy of the defaults' decoded fields; the code's own entries are
    /// decoded over them (a mapping both sides have, such as `labels`, is merged and decoded
    /// whole); then each default the code does not override adds the diagnostics it gave.
    static func decode(_ node: YAMLNode, over defaults: CodeDefaults, reader: inout NodeReader) -> Code? {
        guard let entries = reader.mapping(node, what: "a code") else { return nil }
        var fields = defaults.fields
        let code = Code(copying: defaults.template)
        reset(code, at: node.mark, reader: reader)
        var overridden = IndexSet64(count: defaults.entries.count)
        // Entries are borrowed from the trees through buffer pointers, not copied out of them.
        entries.withUnsafeBufferPointer { entries in
            defaults.entries.withUnsafeBufferPointer { inherited in
                for position in entries.indices {
                    guard let index = defaults.index(of: entries[position].key.text) else {
                        decode(entries[position], into: code, fields: &fields, reader: &reader)
                        continue
                    }
                    overridden.insert(index)
                    guard case .mapping = inherited[index].value.value, case .mapping = entries[position].value.value else {
                        decode(entries[position], into: code, fields: &fields, reader: &reader)
                        continue
                    }
                    // Both sides are mappings: decoded as merged (labels and utm straight from both).
                    guard let stringMap = defaults.stringMaps[index],
                          decode(entries[position], over: stringMap, into: code, reader: &reader) else {
                        let own = entries[position]
                        let merged = YAMLEntry(key: own.key, keyMark: own.keyMark, value: DefaultsMerger.merge(inherited[index].value, under: own.value))
                        decode(merged, into: code, fields: &fields, reader: &reader)
                        continue
                    }
                }
            }
        }
        defaults.entries.withUnsafeBufferPointer { inherited in
            for index in inherited.indices where !overridden.contains(index) {
                if defaults.decodedPerCode[index] {
                    decode(inherited[index], into: code, fields: &fields, reader: &reader)
                } else {
                    let range = defaults.diagnosticRanges[index]
                    if !range.isEmpty { reader.diagnostics += defaults.diagnostics[range] }
                    if let intended = defaults.misspelt[index] { fields.misspelt.insert(intended) }
                }
            }
        }
        return finish(code, fields: fields, at: node.mark, reader: &reader) { key in
            defaults.index(of: key) != nil || entries.contains { $0.key.text == key }
        }
    }

    /// Decodes a string-map entry (`labels`, `utm`) whose mapping is merged over an inherited
    /// one, without building the merged mapping: its own entries, then the inherited ones it
    /// does not have (the merged order; a value both sides hold as mappings would merge, but a
    /// string map reports a mapping value the same either way). False for other keys.
    static func decode(_ entry: YAMLEntry, over inherited: InheritedStringMap, into code: Code, reader: inout NodeReader) -> Bool {
        switch CodeKey(entry.key.text) {
        case .labels:
            code.labels = stringMap(entry, over: inherited, reader: &reader)
            code.labelsKeyLocation = reader.location(entry.keyMark)
        case .utm:
            code.utm = utm(stringMap(entry, over: inherited, reader: &reader), reader: &reader)
            code.utmKeyLocation = reader.location(entry.keyMark)
        default:
            return false
        }
        return true
    }

    /// What decoding a code's entries gathers besides the fields of `Code`.
    struct Fields {
        var partial: Bool
        var id: Located<String>?
        var slug: Located<String>?
        var status: Located<CodeStatus>?
        /// The keys that misspelt keys were probably meant to be.
        var misspelt = Set<String>()

        var what: String { partial ? "defaults" : "a code" }
    }

    /// A code with only its position set, waiting for its entries.
    static func blank(at mark: Mark, reader: NodeReader) -> Code {
        let location = reader.location(mark)
        return Code(location: location, id: Located("", at: location), slug: Located("", at: location),
                    status: Located(.draft, at: location))
    }

    /// Gives a copied code the position of its own mapping (as `blank` does).
    static func reset(_ code: Code, at mark: Mark, reader: NodeReader) {
        let location = reader.location(mark)
        code.location = location
        code.id = Located("", at: location)
        code.slug = Located("", at: location)
        code.status = Located(.draft, at: location)
    }

    /// Decodes one entry of a code's mapping into `code`.
    static func decode(_ entry: YAMLEntry, into code: Code, fields: inout Fields, reader: inout NodeReader) {
        let partial = fields.partial
        switch CodeKey(entry.key.text) {
        case .id: fields.id = reader.string(entry, required: !partial)
        case .slug: fields.slug = reader.string(entry, required: !partial)
        case .domain: code.domain = reader.string(entry)
        case .name: code.name = reader.string(entry)
        case .owner: code.owner = reader.string(entry)
        case .status: fields.status = reader.enumeration(entry, CodeStatus.self)
        case .use: code.use = reader.string(entry)
        case .compliance: code.compliance = reader.string(entry)
        case .labels:
            code.labels = stringMap(entry, reader: &reader)
            code.labelsKeyLocation = reader.location(entry.keyMark)
        case .tags: code.tags = reader.stringList(entry, allowSingle: false)?.value ?? []
        case .launch: code.launch = reader.instant(entry)
        case .retire: code.retire = reader.instant(entry)
        case .target: code.target = reader.url(entry, required: !partial)
        case .redirect: code.redirect = redirect(entry, reader: &reader)
        case .forwardQuery: code.forwardQuery = reader.bool(entry)
        case .utm:
            code.utm = utm(entry, reader: &reader)
            code.utmKeyLocation = reader.location(entry.keyMark)
        case .routes: code.routes = routes(entry, reader: &reader)
        case .fallback: code.fallback = reader.url(entry)
        case .artwork:
            // Inherited from defaults, the same node comes back for every code of a file: decode it once.
            if let cached = reader.artworkCache[entry.value.mark] {
                code.sharedArtwork = cached
            } else {
                code.artwork = ArtworkDecoder.decode(entry.value, reader: &reader)
                reader.artworkCache[entry.value.mark] = code.sharedArtwork
            }
        case .expect: code.expect = expectations(entry, reader: &reader)
        case .scanDistance: code.scanDistance = reader.length(entry)
        case .changeReason: code.changeReason = reader.string(entry)
        case .ignore: code.ignore = ignores(entry, reader: &reader)
        case nil:
            reader.unknownKey(entry, known: keys, in: fields.what)
            if let intended = DidYouMean.suggest(entry.key.text, among: keys) { fields.misspelt.insert(intended) }
        }
    }

    /// The required fields, once every entry is decoded: the code, or nil (with a diagnostic)
    /// when one is missing. `written(key)` tells whether the merged mapping has `key`.
    static func finish(_ code: Code, fields: Fields, at mark: Mark, reader: inout NodeReader, written: (String) -> Bool) -> Code? {
        // A misspelt key (`targt`) already says what is wrong; don't also call `target` missing.
        func given(_ key: String) -> Bool { fields.misspelt.contains(key) || written(key) }
        guard let id = fields.id else {
            if !given("id") { reader.missing("id", in: "this code", at: mark) }
            return nil
        }
        code.id = id
        if let slug = fields.slug {
            code.slug = slug
        } else if !given("slug") {
            reader.missing("slug", in: "code `\(id.value)`", at: mark, hint: "the slug is the path on the short domain, e.g. `slug: cx1`")
        }
        if let status = fields.status {
            code.status = status
        } else if !given("status") {
            reader.missing("status", in: "code `\(id.value)`", at: mark,
                           hint: "one of: " + CodeStatus.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))
        }
        // A missing `owner` is the configurable `owner-required` rule's finding, not a schema error.
        if code.target == nil, fields.status?.value != .draft, !given("target") {
            reader.missing("target", in: "code `\(id.value)`", at: mark, hint: "only a `draft` code may leave out its target")
        }
        guard fields.slug != nil, fields.status != nil else { return nil }
        return code
    }

    static func stringMap(_ entry: YAMLEntry, reader: inout NodeReader) -> StringMap {
        stringMap(entry, over: InheritedStringMap(), reader: &reader)
    }

    /// `entry`'s mapping as key/value strings, then `inherited`'s keys it does not have. When it
    /// overrides none of them, the code shares the inherited entries with the file's other codes.
    static func stringMap(_ entry: YAMLEntry, over inherited: InheritedStringMap, reader: inout NodeReader) -> StringMap {
        guard let entries = reader.mapping(entry.value, what: "`\(entry.key.text)`") else { return StringMap() }
        var own: [StringEntry] = []
        own.reserveCapacity(entries.count)
        var visible: [StringEntry]?
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                guard let value = reader.string(entries[index]) else { continue }
                own.append(StringEntry(entries[index].key.text, at: reader.location(entries[index].keyMark), value: value))
            }
            for index in inherited.keys.indices {
                guard !entries.contains(where: { $0.key.text == inherited.keys[index] }) else {
                    // Overridden: from here on the code holds its own list of the inherited entries it keeps.
                    if visible == nil { visible = inherited.entries[..<index].compactMap { $0 } }
                    continue
                }
                if !inherited.diagnostics[index].isEmpty { reader.diagnostics += inherited.diagnostics[index] }
                if let item = inherited.entries[index] { visible?.append(item) }
            }
        }
        return StringMap(own, inherited: visible ?? inherited.shared)
    }

    /// An inherited string map (`labels`, `utm`) decoded once per file: each item as `stringMap`
    /// decodes it (nil when it has no value), with the diagnostics it gives.
    struct InheritedStringMap {
        var keys: [String] = []
        var entries: [StringEntry?] = []
        var diagnostics: [[Diagnostic]] = []
        /// The entries that have a value: what a code that overrides none of them inherits.
        var shared: [StringEntry] = []

        /// Nothing inherited.
        init() {}

        init(_ items: [YAMLEntry], files: FileTable) {
            var reader = NodeReader(files: files)
            for item in items {
                let start = reader.diagnostics.count
                keys.append(item.key.text)
                entries.append(reader.string(item).map { StringEntry(item.key.text, at: reader.location(item.keyMark), value: $0) })
                diagnostics.append(Array(reader.diagnostics[start...]))
            }
            shared = entries.compactMap { $0 }
        }
    }

    static func redirect(_ entry: YAMLEntry, reader: inout NodeReader) -> Located<Int>? {
        guard let value = reader.int(entry, range: 100...999) else { return nil }
        guard [301, 302, 307, 308].contains(value.value) else {
            reader.report(SchemaRule.invalidEnum, "`\(value.value)` is not a redirect status; allowed: 301, 302, 307, 308",
                          at: entry.value.mark, length: 3, hint: "302 (the default) for codes that may be re-pointed")
            return nil
        }
        return value
    }

    static func utm(_ entry: YAMLEntry, reader: inout NodeReader) -> StringMap {
        utm(stringMap(entry, reader: &reader), reader: &reader)
    }

    /// The UTM parameters among `entries`; the others are unknown keys.
    static func utm(_ entries: StringMap, reader: inout NodeReader) -> StringMap {
        guard !entries.allSatisfy({ UTMParameter(rawValue: $0.name) != nil }) else { return entries }
        let allowed = UTMParameter.allCases.map(\.rawValue)
        var kept: [StringEntry] = []
        for entry in entries {
            if allowed.contains(entry.name) {
                kept.append(entry)
                continue
            }
            reader.diagnostics.append(Diagnostic(
                .error, SchemaRule.unknownKey, "unknown UTM parameter `\(entry.name)`", at: entry.key.location,
                length: entry.name.unicodeScalars.count, hint: DidYouMean.hint(for: entry.name, among: allowed)))
        }
        return StringMap(kept)
    }

    static func routes(_ entry: YAMLEntry, reader: inout NodeReader) -> [Route] {
        guard let items = reader.sequence(entry.value, what: "`routes`") else { return [] }
        var routes: [Route] = []
        routes.reserveCapacity(items.count)
        for item in items {
            if let route = RouteDecoder.decode(item, reader: &reader) { routes.append(route) }
        }
        return routes
    }

    static func expectations(_ entry: YAMLEntry, reader: inout NodeReader) -> [Expectation] {
        guard let items = reader.sequence(entry.value, what: "`expect`") else { return [] }
        var expectations: [Expectation] = []
        expectations.reserveCapacity(items.count)
        for item in items {
            if let expectation = ExpectationDecoder.decode(item, reader: &reader) { expectations.append(expectation) }
        }
        return expectations
    }

    static func ignores(_ entry: YAMLEntry, reader: inout NodeReader) -> [IgnoreEntry] {
        guard let items = reader.sequence(entry.value, what: "`ignore`") else { return [] }
        var result: [IgnoreEntry] = []
        for item in items {
            guard let fields = reader.mapping(item, what: "an `ignore` entry") else { continue }
            var rule: Located<String>?
            var reason: Located<String>?
            var until: Located<Instant>?
            for field in fields {
                switch field.key.text {
                case "rule": rule = reader.string(field, required: true)
                case "reason": reason = reader.string(field)
                case "until": until = reader.instant(field)
                default: reader.unknownKey(field, known: ["rule", "reason", "until"], in: "an `ignore` entry")
                }
            }
            if let rule {
                result.append(IgnoreEntry(rule: rule, reason: reason, until: until, location: reader.location(item.mark)))
            } else if !fields.contains(where: { $0.key.text == "rule" }) {
                reader.missing("rule", in: "this `ignore` entry", at: item.mark)
            }
        }
        return result
    }
}
