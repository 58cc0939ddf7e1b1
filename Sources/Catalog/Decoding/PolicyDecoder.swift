import Diagnostics
import YAMLTree

/// Decodes the policy files into one `Policies` value, with located schema errors.
public enum PolicyDecoder {
    public static let supportedVersions = ["1"]
    static let sections = [
        "version", "owners", "domains", "default-domain", "destinations", "use-cases", "compliance", "naming",
        "lifecycle", "utm", "reserved-slugs", "artwork", "rules", "build",
    ]

    /// Decodes `documents` (in a stable order) into one model.
    public static func decode(_ documents: [YAMLDocument], files: FileTable) -> (Policies, [Diagnostic]) {
        var reader = NodeReader(files: files)
        var policies = Policies()
        var sectionMarks: [String: Mark] = [:]
        for document in documents {
            guard let root = document.root, let entries = reader.mapping(root, what: "a policy file") else { continue }
            if let version = entries.first(where: { $0.key.text == "version" }) {
                let text = version.value.scalar?.text ?? ""
                if !supportedVersions.contains(text) {
                    reader.report(SchemaRule.policyVersion,
                                  "unknown policy format version `\(text)`; this qrops reads version \(supportedVersions.joined(separator: ", "))",
                                  at: version.value.mark, hint: "write `version: 1`, or upgrade qrops")
                    continue
                }
            } else {
                reader.missing("version", in: "this policy file", at: root.mark, hint: "start the file with `version: 1`")
            }
            for entry in entries where entry.key.text != "version" {
                if let first = sectionMarks[entry.key.text] {
                    reader.report(SchemaRule.policyDuplicateSection, "the policy section `\(entry.key.text)` is defined twice",
                                  at: entry.keyMark, hint: "keep each section in one policy file",
                                  notes: [DiagnosticNote("first defined here", at: reader.location(first))])
                    continue
                }
                sectionMarks[entry.key.text] = entry.keyMark
                decodeSection(entry, into: &policies, reader: &reader)
            }
        }
        policies.sections = sectionMarks.mapValues(reader.location)
        return (policies, reader.diagnostics)
    }

    static func decodeSection(_ entry: YAMLEntry, into policies: inout Policies, reader: inout NodeReader) {
        switch entry.key.text {
        case "owners":
            policies.owners = keyed(entry, reader: &reader) { key, node, reader in owner(key, node, reader: &reader) }
        case "domains":
            policies.domains = keyed(entry, reader: &reader) { key, node, reader in domain(key, node, reader: &reader) }
        case "default-domain":
            policies.defaultDomain = reader.string(entry, required: true)
        case "destinations":
            fields(entry, known: ["allowed"], reader: &reader) { field, reader in
                policies.allowedDestinations = reader.stringList(field, allowSingle: false)?.value ?? []
            }
        case "use-cases":
            policies.useCases = keyed(entry, reader: &reader) { key, node, reader in useCase(key, node, reader: &reader) }
        case "compliance":
            policies.compliance = keyed(entry, reader: &reader) { key, node, reader in category(key, node, reader: &reader) }
        case "naming":
            fields(entry, known: ["name", "id", "slug"], reader: &reader) { field, reader in
                switch field.key.text {
                case "name": policies.namePattern = reader.string(field)
                case "id": policies.idPattern = reader.string(field)
                default: policies.slugPattern = reader.string(field)
                }
            }
        case "lifecycle":
            fields(entry, known: ["retiring-soon"], reader: &reader) { field, reader in
                policies.retiringSoon = reader.duration(field)
            }
        case "utm":
            fields(entry, known: ["required-for"], reader: &reader) { field, reader in
                policies.utmRequiredFor = reader.stringList(field)?.value ?? []
            }
        case "reserved-slugs":
            policies.reservedSlugs = reader.stringList(entry, allowSingle: false)?.value ?? []
        case "artwork":
            policies.artwork = artwork(entry, reader: &reader)
        case "rules":
            policies.rules = ruleSettings(entry, reader: &reader)
        case "build":
            fields(entry, known: ["targets"], reader: &reader) { field, reader in
                policies.buildTargets = reader.stringList(field, allowSingle: false)?.value ?? []
            }
        default:
            reader.unknownKey(entry, known: sections, in: "a policy file")
        }
    }

    /// A mapping of named entries (`owners:`, `domains:`...), each decoded by `decode`.
    static func keyed<T>(_ entry: YAMLEntry, reader: inout NodeReader,
                         _ decode: (Located<String>, YAMLNode, inout NodeReader) -> T?) -> [String: T] {
        guard let entries = reader.mapping(entry.value, what: "`\(entry.key.text)`") else { return [:] }
        var result: [String: T] = [:]
        for item in entries {
            let key = Located(item.key.text, at: reader.location(item.keyMark))
            if let value = decode(key, item.value, &reader) { result[item.key.text] = value }
        }
        return result
    }

    static func fields(_ entry: YAMLEntry, known: [String], reader: inout NodeReader, _ body: (YAMLEntry, inout NodeReader) -> Void) {
        guard let entries = reader.mapping(entry.value, what: "`\(entry.key.text)`") else { return }
        for field in entries {
            if known.contains(field.key.text) {
                body(field, &reader)
            } else {
                reader.unknownKey(field, known: known, in: "`\(entry.key.text)`")
            }
        }
    }

    static func owner(_ key: Located<String>, _ node: YAMLNode, reader: inout NodeReader) -> Owner? {
        var owner = Owner(key: key)
        if case .scalar(let scalar) = node.value, scalar.isNull { return owner }
        guard let entries = reader.mapping(node, what: "owner `\(key.value)`") else { return nil }
        for field in entries {
            switch field.key.text {
            case "name": owner.name = reader.string(field)
            case "contact": owner.contact = reader.string(field)
            case "reviewers": owner.reviewers = reader.stringList(field)?.value ?? []
            case "active": owner.active = reader.bool(field)?.value ?? true
            default: reader.unknownKey(field, known: ["name", "contact", "reviewers", "active"], in: "an owner")
            }
        }
        return owner
    }

    static func domain(_ key: Located<String>, _ node: YAMLNode, reader: inout NodeReader) -> DomainPolicy? {
        var domain = DomainPolicy(host: key)
        if case .scalar(let scalar) = node.value, scalar.isNull { return domain }
        guard let entries = reader.mapping(node, what: "domain `\(key.value)`") else { return nil }
        for field in entries {
            switch field.key.text {
            case "fallback": domain.fallback = reader.url(field)
            case "not-found": domain.notFound = reader.url(field)
            case "case-sensitive-slugs": domain.caseSensitiveSlugs = reader.bool(field)?.value ?? false
            case "country-header": domain.countryHeader = reader.string(field)
            default:
                reader.unknownKey(field, known: ["fallback", "not-found", "case-sensitive-slugs", "country-header"], in: "a domain")
            }
        }
        return domain
    }

    static func useCase(_ key: Located<String>, _ node: YAMLNode, reader: inout NodeReader) -> UseCase? {
        var useCase = UseCase(key: key)
        if case .scalar(let scalar) = node.value, scalar.isNull { return useCase }
        guard let entries = reader.mapping(node, what: "use case `\(key.value)`") else { return nil }
        for field in entries {
            switch field.key.text {
            case "max-lifespan": useCase.maxLifespan = reader.duration(field)
            case "required-labels": useCase.requiredLabels = reader.stringList(field)?.value ?? []
            case "rules": useCase.rules = ruleSettings(field, reader: &reader)
            default: reader.unknownKey(field, known: ["max-lifespan", "required-labels", "rules"], in: "a use case")
            }
        }
        return useCase
    }

    static func category(_ key: Located<String>, _ node: YAMLNode, reader: inout NodeReader) -> ComplianceCategory? {
        var category = ComplianceCategory(key: key)
        if case .scalar(let scalar) = node.value, scalar.isNull { return category }
        guard let entries = reader.mapping(node, what: "compliance category `\(key.value)`") else { return nil }
        let known = ["reviewers", "required-labels", "allowed-destinations", "regulated", "rules"]
        for field in entries {
            switch field.key.text {
            case "reviewers": category.reviewers = reader.stringList(field)?.value ?? []
            case "required-labels": category.requiredLabels = reader.stringList(field)?.value ?? []
            case "allowed-destinations": category.allowedDestinations = reader.stringList(field, allowSingle: false)?.value
            case "regulated": category.regulated = reader.bool(field)?.value ?? false
            case "rules": category.rules = ruleSettings(field, reader: &reader)
            default: reader.unknownKey(field, known: known, in: "a compliance category")
            }
        }
        return category
    }

    static func artwork(_ entry: YAMLEntry, reader: inout NodeReader) -> ArtworkPolicy {
        var policy = ArtworkPolicy()
        let checks = ["min-module", "min-contrast", "min-quiet-zone"]
        policy.defaults = ArtworkDecoder.decode(entry.value, reader: &reader, extraKeys: checks)
        for field in entry.value.entries ?? [] {
            switch field.key.text {
            case "min-module": policy.minModule = reader.length(field)
            case "min-contrast": policy.minContrast = reader.number(field, range: 1...21)
            case "min-quiet-zone": policy.minQuietZone = reader.int(field, range: 0...100)
            default: break
            }
        }
        return policy
    }

    static func ruleSettings(_ entry: YAMLEntry, reader: inout NodeReader) -> [String: Located<RuleSetting>] {
        guard let entries = reader.mapping(entry.value, what: "`\(entry.key.text)`") else { return [:] }
        var result: [String: Located<RuleSetting>] = [:]
        for field in entries {
            if var setting = reader.enumeration(field, RuleSetting.self) {
                setting.keyLocation = reader.location(field.keyMark)
                result[field.key.text] = setting
            }
        }
        return result
    }
}
