import Catalog
import Diagnostics
import YAMLTree

/// Documentation for the ids reported by the YAML loader and the schema decoder (they are
/// checks built into reading, not configurable policy rules).
public enum BuiltinChecks {
    public static let descriptors: [RuleDescriptor] = [
        d(YAMLRule.syntax, "YAML syntax error", "The file is not well-formed YAML; libyaml's own message says why."),
        d(YAMLRule.encoding, "Not UTF-8", "Files must be UTF-8 text; the byte shown is not valid UTF-8."),
        d(YAMLRule.empty, "Empty file", "A code or policy file must hold a YAML document."),
        d(YAMLRule.multipleDocuments, "Several documents", "A file holds exactly one YAML document (no second `---`)."),
        d(YAMLRule.duplicateKey, "Duplicate key", "A key appears twice in one mapping; YAML would silently keep one."),
        d(YAMLRule.complexKey, "Complex key", "Mapping keys must be plain values, not lists or mappings."),
        d(YAMLRule.aliasBudget, "Alias expansion budget", "Aliases may not expand a document past its budget (alias bombs)."),
        d(YAMLRule.undefinedAlias, "Undefined alias", "An alias must name an anchor defined before it."),
        d(YAMLRule.scalarTooLarge, "Value too large", "A single value may hold at most 1 MiB."),
        d(YAMLRule.tooDeep, "Nesting too deep", "Nesting may be at most 100 levels deep."),
        d(SchemaRule.unknownKey, "Unknown key", "Keys are checked against the schema; a typo would otherwise be ignored."),
        d(SchemaRule.wrongType, "Wrong type", "A value has the wrong shape or type for its key."),
        d(SchemaRule.missingRequired, "Missing required field", "A required key is missing or empty."),
        d(SchemaRule.invalidEnum, "Not an allowed value", "The value is not one of the allowed words."),
        d(SchemaRule.invalidValue, "Invalid value", "The value is out of range or contradicts another."),
        d(SchemaRule.malformedURL, "Malformed URL", "The value is not a syntactically valid URL."),
        d(SchemaRule.malformedDate, "Malformed date", "Dates are `YYYY-MM-DD`; instants are RFC 3339 with a zone."),
        d(SchemaRule.malformedDuration, "Malformed duration", "Durations are a whole number and `d`, `w`, `mo` or `y`."),
        d(SchemaRule.malformedColour, "Malformed colour", "Colours are `#RRGGBB` or `cmyk(C,M,Y,K)`."),
        d(SchemaRule.malformedSize, "Malformed length", "Lengths are a number and `mm`, `cm`, `m`, `in`, `pt` or `px`."),
        d(SchemaRule.duplicateID, "Duplicate id", "Code ids are permanent and unique in the repository."),
        d(SchemaRule.duplicateSlug, "Duplicate slug", "Slugs are unique per short domain, compared without case."),
        d(SchemaRule.policyVersion, "Unknown policy version", "Policy files declare `version: 1`."),
        d(SchemaRule.policyDuplicateSection, "Policy section defined twice", "Each policy section lives in one file."),
        d(SchemaRule.policyDuplicateEntry, "Policy entry defined twice", "A policy entry is defined twice."),
        d(SchemaRule.policyInvalid, "Invalid policy", "A policy setting cannot be used as written."),
        d(SchemaRule.fileUnreadable, "Unreadable file", "A file could not be read (permissions, size, or not a file)."),
        d(SchemaRule.noCodes, "No codes", "The repository has no `codes/` folder."),
        d(SchemaRule.noPolicies, "No policies", "The repository has no `policies/` folder."),
        tool("codeowners-stale", "CODEOWNERS out of date",
             "`qrops codeowners --check`: .github/CODEOWNERS differs from what the portfolio generates."),
        tool("codeowners-reviewer", "Unusable reviewer",
             "`qrops codeowners`: a `reviewers` entry is not `@user`, `@org/team` or an e-mail address, so it is left out."),
    ]

    /// A check of a command other than lint.
    private static func tool(_ id: String, _ name: String, _ summary: String) -> RuleDescriptor {
        RuleDescriptor(id: id, name: name, summary: summary,
                       rationale: summary + " Reported by that command only; it cannot be configured.",
                       defaultSeverity: .error)
    }

    private static func d(_ id: String, _ name: String, _ summary: String) -> RuleDescriptor {
        RuleDescriptor(id: id, name: name, summary: summary,
                       rationale: summary + " This check is built into reading files and cannot be turned off.",
                       defaultSeverity: .error)
    }
}
