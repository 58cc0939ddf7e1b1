import Diagnostics
import YAMLTree

/// Decodes `routes:` entries and their `when:` conditions.
enum RouteDecoder {
    static let keys = ["when", "target", "split"]
    static let conditionKeys = ["device", "language", "country", "query", "after", "before"]

    static func decode(_ node: YAMLNode, reader: inout NodeReader) -> Route? {
        guard let entries = reader.mapping(node, what: "a route") else { return nil }
        var when: Condition?
        var target: Located<String>?
        var split: [SplitArm] = []
        var hasSplit = false
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                switch entries[index].key.text {
                case "when": when = condition(entries[index].value, reader: &reader)
                case "target": target = reader.url(entries[index], required: true)
                case "split":
                    hasSplit = true
                    split = arms(entries[index], reader: &reader)
                default: reader.unknownKey(entries[index], known: keys, in: "a route")
                }
            }
        }
        let hasTarget = entries.contains { $0.key.text == "target" }
        if hasTarget, hasSplit {
            reader.report(SchemaRule.invalidValue, "a route has either `target` or `split`, not both", at: node.mark)
            return nil
        }
        if !hasTarget, !hasSplit {
            reader.missing("target", in: "this route", at: node.mark, hint: "give a `target:` or a `split:` list")
            return nil
        }
        if !hasSplit, when == nil, !entries.contains(where: { $0.key.text == "when" }) {
            reader.missing("when", in: "this route", at: node.mark, hint: "a route without a condition would always match; set the code's `target` instead")
            return nil
        }
        return Route(when: when, target: target, split: split, location: reader.location(node.mark))
    }

    static func arms(_ entry: YAMLEntry, reader: inout NodeReader) -> [SplitArm] {
        guard let items = reader.sequence(entry.value, what: "`split`") else { return [] }
        var arms: [SplitArm] = []
        arms.reserveCapacity(items.count)
        for item in items {
            guard let fields = reader.mapping(item, what: "a split arm") else { continue }
            var weight: Located<Int>?
            var target: Located<String>?
            for field in fields {
                switch field.key.text {
                case "weight": weight = reader.int(field, range: 0...1_000_000)
                case "target": target = reader.url(field, required: true)
                default: reader.unknownKey(field, known: ["weight", "target"], in: "a split arm")
                }
            }
            if !fields.contains(where: { $0.key.text == "weight" }) { reader.missing("weight", in: "this split arm", at: item.mark) }
            if !fields.contains(where: { $0.key.text == "target" }) { reader.missing("target", in: "this split arm", at: item.mark) }
            if let weight, let target { arms.append(SplitArm(weight: weight, target: target, location: reader.location(item.mark))) }
        }
        if items.count < 2 {
            reader.report(SchemaRule.invalidValue, "a split needs at least two arms", at: entry.value.mark)
        } else if !arms.isEmpty, arms.count == items.count, arms.allSatisfy({ $0.weight.value == 0 }) {
            reader.report(SchemaRule.invalidValue, "the weights of a split add up to 0", at: entry.value.mark)
        }
        return arms
    }

    static func condition(_ node: YAMLNode, reader: inout NodeReader) -> Condition? {
        guard let entries = reader.mapping(node, what: "`when`") else { return nil }
        var condition = Condition(location: reader.location(node.mark))
        for index in entries.indices {
            let entry = entries[index]
            switch entry.key.text {
            case "device":
                guard let list = reader.stringList(entry) else { continue }
                var devices: [Device] = []
                for item in list.value {
                    if let device = Device(rawValue: item.value) {
                        devices.append(device)
                    } else {
                        reader.diagnostics.append(Diagnostic(
                            .error, SchemaRule.invalidEnum,
                            "`\(item.value)` is not a device; allowed: " + Device.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "),
                            at: item.location, length: item.value.unicodeScalars.count,
                            hint: DidYouMean.suggest(item.value, among: Device.allCases.map(\.rawValue)).map { "did you mean `\($0)`?" }))
                    }
                }
                condition.devices = Located(devices, at: list.location, key: list.keyLocation)
            case "language":
                guard let list = reader.stringList(entry) else { continue }
                for item in list.value where !isLanguage(item.value) {
                    reader.diagnostics.append(Diagnostic(
                        .error, SchemaRule.invalidValue, "`\(item.value)` is not a language subtag", at: item.location,
                        hint: "write the primary subtag in lower case, two or three letters: `fr`, `de`, `yue`"))
                }
                condition.languages = Located(list.value.map(\.value), at: list.location, key: list.keyLocation)
            case "country":
                guard let list = reader.stringList(entry) else { continue }
                for item in list.value where !isCountry(item.value) {
                    reader.diagnostics.append(Diagnostic(
                        .error, SchemaRule.invalidValue, "`\(item.value)` is not an ISO 3166-1 alpha-2 country code", at: item.location,
                        hint: "two upper-case letters: `FR`, `NO`, `GB`"))
                }
                condition.countries = Located(list.value.map(\.value), at: list.location, key: list.keyLocation)
            case "query":
                condition.query = CodeDecoder.stringMap(entry, reader: &reader).map { (name: $0.key, value: $0.value) }
            case "after": condition.after = reader.instant(entry)
            case "before": condition.before = reader.instant(entry)
            default: reader.unknownKey(entry, known: conditionKeys, in: "`when`")
            }
        }
        if let after = condition.after, let before = condition.before, after.value >= before.value {
            reader.diagnostics.append(Diagnostic(
                .error, SchemaRule.invalidValue, "`after` (\(after.value)) is not before `before` (\(before.value)): this window is empty",
                at: after.location))
        }
        return condition
    }

    /// Two or three ASCII lower-case letters. (On bytes: a character that is an ASCII letter is
    /// one byte, so this is exactly "2 or 3 characters, each ASCII and lower-case".)
    static func isLanguage(_ text: String) -> Bool {
        (2...3).contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    /// Two ASCII upper-case letters.
    static func isCountry(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}
