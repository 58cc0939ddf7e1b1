/// Diagnostics as a SARIF 2.1.0 log (OASIS), for GitHub code scanning and other SARIF
/// viewers. One run; `tool.driver.rules` lists the known rules sorted by id; each result
/// points at its rule by `ruleId` and, when the rule is known, `ruleIndex`.
///
/// Paths are relative to the repository root and written as URI references with
/// `uriBaseId` `%SRCROOT%`; columns are Unicode code points (`columnKind`), as in
/// `SourceLocation`. A whole-file location (line 0) has no `region`. Notes with a location
/// become `relatedLocations`; every note and the hint are also written into `message.text`.
/// Suppressed findings are included with an `inSource` suppression; the others carry an empty
/// `suppressions` array, which SARIF defines as "not suppressed".
public struct SARIFRenderer: DiagnosticRenderer {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let sarifVersion = "2.1.0"
    public static let sourceRootBaseID = "%SRCROOT%"

    public var toolName: String
    public var toolVersion: String
    /// Known rules, sorted by id, one per id.
    public let rules: [RuleDescriptor]
    public var informationURI: String
    /// An absolute `file:` URI ending in `/` for `%SRCROOT%`, or nil to leave the root unstated
    /// (the usual choice: SARIF consumers such as GitHub resolve it to the checkout).
    public var sourceRootURI: String?

    private let ruleIndex: [String: Int]

    public init(
        toolVersion: String,
        rules: [RuleDescriptor],
        informationURI: String,
        sourceRootURI: String? = nil,
        toolName: String = "qrops"
    ) {
        var seen = Set<String>()
        let unique = rules.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
        self.rules = unique
        self.ruleIndex = Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1.id, $0) })
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.sourceRootURI = sourceRootURI
        self.toolName = toolName
    }

    /// `filesChecked` is not part of the SARIF log.
    public func render(_ diagnostics: [Diagnostic], filesChecked: Int = 0) -> String {
        let run = JSONValue.object([
            ("tool", .object([("driver", driver)])),
            ("originalUriBaseIds", .object([(Self.sourceRootBaseID, sourceRoot)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(diagnostics.sortedForReport().map(result))),
        ])
        return JSONWriter.write(.object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string(Self.sarifVersion)),
            ("runs", .array([run])),
        ]))
    }

    // MARK: - Tool

    private var driver: JSONValue {
        .object([
            ("name", .string(toolName)),
            ("version", .string(toolVersion)),
            ("informationUri", .string(informationURI)),
            ("rules", .array(rules.map(ruleObject))),
        ])
    }

    private var sourceRoot: JSONValue {
        if let sourceRootURI {
            return .object([("uri", .string(sourceRootURI))])
        }
        return .object([("description", text("The root of the repository that was checked."))])
    }

    private func ruleObject(_ rule: RuleDescriptor) -> JSONValue {
        let help = "\(rule.summary)\n\n\(rule.rationale)\n\nRun `\(toolName) explain \(rule.id)` for examples."
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.name)),
            ("shortDescription", text(rule.summary)),
            ("fullDescription", text(rule.rationale)),
            ("defaultConfiguration", .object([("level", .string(Self.level(rule.defaultSeverity)))])),
            ("help", text(help)),
        ])
    }

    // MARK: - Results

    private func result(_ diagnostic: Diagnostic) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("ruleId", .string(diagnostic.ruleID))]
        if let index = ruleIndex[diagnostic.ruleID] {
            pairs.append(("ruleIndex", .int(index)))
        }
        pairs += [
            ("level", .string(Self.level(diagnostic.severity))),
            ("message", text(diagnostic.messageWithHintAndNotes)),
            ("locations", .array([.object([("physicalLocation", physicalLocation(diagnostic.location, length: diagnostic.length))])])),
        ]
        let related = relatedLocations(diagnostic.notes)
        if !related.isEmpty {
            pairs.append(("relatedLocations", .array(related)))
        }
        pairs.append(("suppressions", .array(diagnostic.suppression.map { [suppressionObject($0)] } ?? [])))
        return .object(pairs)
    }

    private func relatedLocations(_ notes: [DiagnosticNote]) -> [JSONValue] {
        notes.compactMap { note in note.location.map { (note.message, $0) } }
            .enumerated()
            .map { offset, pair in
                .object([
                    ("id", .int(offset + 1)),
                    ("physicalLocation", physicalLocation(pair.1, length: 1)),
                    ("message", text(pair.0)),
                ])
            }
    }

    private func suppressionObject(_ suppression: Suppression) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("kind", .string("inSource")),
            ("justification", .string(suppression.reason)),
        ]
        if let location = suppression.location {
            pairs.append(("location", .object([("physicalLocation", physicalLocation(location, length: 1))])))
        }
        if let until = suppression.until {
            pairs.append(("properties", .object([("until", .string(until))])))
        }
        return .object(pairs)
    }

    private func physicalLocation(_ location: SourceLocation, length: Int) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("artifactLocation", .object([
                ("uri", .string(URIReference.encodingPath(location.file))),
                ("uriBaseId", .string(Self.sourceRootBaseID)),
            ])),
        ]
        if location.line > 0 {
            pairs.append(("region", region(location, length: length)))
        }
        return .object(pairs)
    }

    /// `endColumn` is exclusive in SARIF, hence `column + length`.
    private func region(_ location: SourceLocation, length: Int) -> JSONValue {
        guard location.column > 0 else {
            return .object([("startLine", .int(location.line))])
        }
        return .object([
            ("startLine", .int(location.line)),
            ("startColumn", .int(location.column)),
            ("endColumn", .int(location.column + max(1, length))),
        ])
    }

    private func text(_ value: String) -> JSONValue {
        .object([("text", .string(value))])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}
