import Diagnostics

/// JSON Schemas (draft-07) for code files and policy files, so that editors (VS Code's YAML
/// extension, via `# yaml-language-server: $schema=...`) complete and check keys as people type.
/// Built from the decoders' own key lists; the tests hold the two together.
///
/// Editors type YAML by the YAML 1.2 core schema (`1.10` is a number, `NO` a string), while
/// qrops reads scalars by *its* schema, so text fields accept numbers and booleans too.
public enum FormatSchema {
    public static let codeFileID = "https://qrops.dev/schema/v1/code-file.json"
    public static let policyFileID = "https://qrops.dev/schema/v1/policy-file.json"
    public static let defaultsFileID = "https://qrops.dev/schema/v1/defaults-file.json"

    /// `_defaults.yaml`: the keys of a code, none required.
    public static func defaultsFile() -> JSONValue {
        .object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string(defaultsFileID)),
            ("title", .string("qrops _defaults.yaml")),
            ("description", .string("Keys merged under every code in this folder and below. See docs/repository-format.md.")),
            ("definitions", .object(commonDefinitions)),
        ] + (codeObject(required: []).objectFields ?? []))
    }

    public static func codeFile() -> JSONValue {
        .object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string(codeFileID)),
            ("title", .string("qrops code file")),
            ("description", .string("One code, or `defaults:` plus a `codes:` list. See docs/repository-format.md.")),
            ("oneOf", .array([
                ref("codeList"),
                ref("code"),
            ])),
            ("definitions", .object(commonDefinitions + [
                ("codeList", object([
                    ("defaults", ref("partialCode")),
                    ("codes", .object([("type", .string("array")), ("items", ref("code"))])),
                ], required: ["codes"])),
                ("code", codeObject(required: ["id", "slug"])),
                ("partialCode", codeObject(required: [])),
            ])),
        ])
    }

    public static func policyFile() -> JSONValue {
        let settings = JSONValue.object([
            ("type", .string("object")),
            ("additionalProperties", enumeration(RuleSetting.allCases.map(\.rawValue))),
        ])
        let strings = JSONValue.object([("type", .string("array")), ("items", ref("text"))])
        return .object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string(policyFileID)),
            ("title", .string("qrops policy file")),
            ("description", .string("Every *.yaml in policies/ is read and merged. See docs/repository-format.md.")),
            ("definitions", .object(commonDefinitions)),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .array([.string("version")])),
            ("properties", .object(PolicyDecoder.sections.map { section in
                let schema: JSONValue
                switch section {
                case "version": schema = .object([("enum", .array([.int(1), .string("1")]))])
                case "owners":
                    schema = map(of: object([
                        ("name", ref("text")), ("contact", ref("text")), ("reviewers", strings), ("active", boolean),
                    ]))
                case "domains":
                    schema = map(of: object([
                        ("fallback", ref("url")), ("not-found", ref("url")), ("case-sensitive-slugs", boolean),
                        ("country-header", ref("text")),
                    ]))
                case "default-domain": schema = ref("text")
                case "destinations": schema = object([("allowed", strings)])
                case "use-cases":
                    schema = map(of: object([
                        ("max-lifespan", ref("duration")), ("required-labels", strings), ("rules", settings),
                    ]))
                case "compliance":
                    schema = map(of: object([
                        ("reviewers", strings), ("required-labels", strings), ("allowed-destinations", strings),
                        ("regulated", boolean), ("rules", settings),
                    ]))
                case "naming": schema = object([("name", ref("text")), ("id", ref("text")), ("slug", ref("text"))])
                case "lifecycle": schema = object([("retiring-soon", ref("duration"))])
                case "utm": schema = object([("required-for", oneOrMany(ref("text")))])
                case "reserved-slugs": schema = strings
                case "artwork":
                    schema = object(artworkProperties + [
                        ("min-module", ref("length")), ("min-contrast", .object([("type", .string("number"))])),
                        ("min-quiet-zone", integer),
                    ])
                case "rules": schema = settings
                case "build": schema = object([("targets", strings)])
                default: schema = .object([])
                }
                return (section, schema)
            })),
        ])
    }

    // MARK: Pieces

    static let boolean = JSONValue.object([("type", .string("boolean"))])
    static let integer = JSONValue.object([("type", .string("integer"))])

    static var commonDefinitions: [(String, JSONValue)] {
        [
            ("text", .object([("type", .array([.string("string"), .string("number"), .string("boolean")]))])),
            ("url", .object([("type", .string("string")), ("minLength", .int(1))])),
            ("instant", .object([
                ("type", .string("string")),
                ("pattern", .string(#"^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2}))?$"#)),
            ])),
            ("duration", .object([("type", .string("string")), ("pattern", .string("^[0-9]{1,6}(d|w|mo|y)$"))])),
            ("length", .object([("type", .string("string")), ("pattern", .string(#"^[0-9]+(\.[0-9]+)?(mm|cm|m|in|pt|px)$"#))])),
            ("colour", .object([
                ("type", .string("string")),
                ("pattern", .string(#"^(#[0-9A-Fa-f]{6}|[Cc][Mm][Yy][Kk]\(.*\))$"#)),
            ])),
        ]
    }

    static var artworkProperties: [(String, JSONValue)] {
        [
            ("ec", enumeration(ErrorCorrectionLevel.allCases.map(\.rawValue))),
            ("size", ref("length")),
            ("formats", oneOrMany(enumeration(ArtworkFormat.allCases.map(\.rawValue)))),
            ("foreground", ref("colour")),
            ("background", ref("colour")),
            ("quiet-zone", integer),
            ("dpi", integer),
            ("logo", object([
                ("width", .object([("type", .array([.string("number"), .string("string")]))])),
                ("height", .object([("type", .array([.string("number"), .string("string")]))])),
            ])),
        ]
    }

    static func codeObject(required: [String]) -> JSONValue {
        let condition = object(RouteDecoder.conditionKeys.map { key in
            switch key {
            case "device": (key, oneOrMany(enumeration(Device.allCases.map(\.rawValue))))
            case "language", "country": (key, oneOrMany(ref("text")))
            case "query": (key, map(of: ref("text")))
            default: (key, ref("instant"))
            }
        })
        let arm = object([("weight", integer), ("target", ref("url"))], required: ["weight", "target"])
        let route = object(RouteDecoder.keys.map { key in
            switch key {
            case "when": (key, condition)
            case "split": (key, .object([("type", .string("array")), ("minItems", .int(2)), ("items", arm)]))
            default: (key, ref("url"))
            }
        })
        let request = object(ExpectationDecoder.requestKeys.map { key in
            switch key {
            case "device": (key, enumeration(Device.allCases.map(\.rawValue)))
            case "at": (key, ref("instant"))
            default: (key, ref("text"))
            }
        })
        let expectation = object(ExpectationDecoder.keys.map { key in
            switch key {
            case "when": (key, request)
            case "status": (key, integer)
            case "location": (key, ref("text"))
            default: (key, ref("url"))
            }
        }, required: ["target"])
        let ignore = object([("rule", ref("text")), ("reason", ref("text")), ("until", ref("instant"))], required: ["rule"])
        let properties: [(String, JSONValue)] = CodeDecoder.keys.map { key in
            switch key {
            case "status": (key, enumeration(CodeStatus.allCases.map(\.rawValue)))
            case "labels": (key, map(of: ref("text")))
            case "tags": (key, .object([("type", .string("array")), ("items", ref("text"))]))
            case "launch", "retire": (key, ref("instant"))
            case "target", "fallback": (key, ref("url"))
            case "redirect": (key, .object([("enum", .array([.int(301), .int(302), .int(307), .int(308)]))]))
            case "forward-query": (key, boolean)
            case "utm": (key, object(UTMParameter.allCases.map { ($0.rawValue, ref("text")) }))
            case "routes": (key, .object([("type", .string("array")), ("items", route)]))
            case "artwork": (key, object(artworkProperties))
            case "expect": (key, .object([("type", .string("array")), ("items", expectation)]))
            case "scan-distance": (key, ref("length"))
            case "ignore": (key, .object([("type", .string("array")), ("items", ignore)]))
            default: (key, ref("text"))
            }
        }
        return object(properties, required: required)
    }

    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/definitions/\(name)"))]) }

    static func enumeration(_ values: [String]) -> JSONValue { .object([("enum", .array(values.map(JSONValue.string)))]) }

    static func oneOrMany(_ item: JSONValue) -> JSONValue {
        .object([("oneOf", .array([item, .object([("type", .string("array")), ("items", item)])]))])
    }

    static func map(of value: JSONValue) -> JSONValue {
        .object([("type", .string("object")), ("additionalProperties", value)])
    }

    static func object(_ properties: [(String, JSONValue)], required: [String] = []) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("properties", .object(properties)),
        ]
        if !required.isEmpty { fields.append(("required", .array(required.map(JSONValue.string)))) }
        return .object(fields)
    }
}

extension JSONValue {
    var objectFields: [(String, JSONValue)]? {
        if case .object(let fields) = self { return fields }
        return nil
    }
}
