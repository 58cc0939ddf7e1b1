import Catalog
import Diagnostics
import Rules

/// What checking one code file gave, as the check cache keeps it (`FileCheckCache`): the
/// file's findings (parse, decode and per-code rules, configured and suppressed), the window of
/// instants they hold for, and each code's identity (`FileIdentities`), which the whole-catalog
/// checks need when they run, kept encoded until then. (The whole-catalog checks' own findings
/// are kept as a record of this kind too, without identities: `FileCheckCache.catalogKey`.)
struct FileCheckRecord: Sendable {
    var window: TimeWindow
    var diagnostics: [Diagnostic]
    var identities: FileIdentities

    /// Bumped whenever the layout below changes.
    static let version: UInt64 = 3

    func bytes() -> [UInt8] {
        var writer = RecordWriter()
        writer.varint(Self.version)
        writer.signed(window.from)
        writer.signed(window.until)
        writer.count(diagnostics.count)
        for diagnostic in diagnostics { writer.diagnostic(diagnostic) }
        let encoded = identities.encoded()
        writer.count(identities.count)
        writer.rawBytes((identities.digest ?? SHA256.hash(encoded)).bytes[...])
        writer.rawBytes(encoded[...])
        return writer.finish()
    }

    init(window: TimeWindow, diagnostics: [Diagnostic], identities: FileIdentities) {
        self.window = window
        self.diagnostics = diagnostics
        self.identities = identities
    }

    init(window: TimeWindow, diagnostics: [Diagnostic], codes: [Code]) {
        self.init(window: window, diagnostics: diagnostics, identities: FileIdentities(digesting: codes))
    }

    init(bytes: [UInt8]) throws(RecordReader.Malformed) {
        try self.init(bytes: bytes[...])
    }

    init(bytes: ArraySlice<UInt8>) throws(RecordReader.Malformed) {
        var reader = try RecordReader(bytes)
        guard try reader.varint() == Self.version else { throw RecordReader.Malformed() }
        window = TimeWindow(from: try reader.signed(), until: try reader.signed())
        diagnostics = try reader.list { (reader) throws(RecordReader.Malformed) in try reader.diagnostic() }
        let count = try reader.count()
        let digest = try reader.rawBytes()
        guard digest.count == SHA256.digestByteCount else { throw RecordReader.Malformed() }
        identities = FileIdentities(count: count, digest: SHA256.Digest(bytes: Array(digest)), encoded: Array(try reader.rawBytes()))
        guard reader.isAtEnd else { throw RecordReader.Malformed() }
    }
}

extension RecordWriter {
    mutating func diagnostic(_ diagnostic: Diagnostic) {
        count(Severity.allCases.firstIndex(of: diagnostic.severity) ?? 0)
        string(diagnostic.ruleID)
        string(diagnostic.message)
        location(diagnostic.location)
        count(diagnostic.length)
        count(diagnostic.notes.count)
        for note in diagnostic.notes {
            string(note.message)
            optional(note.location) { $0.location($1) }
        }
        optional(diagnostic.hint) { $0.string($1) }
        optional(diagnostic.suppression) { writer, suppression in
            writer.string(suppression.reason)
            writer.optional(suppression.until) { $0.string($1) }
            writer.optional(suppression.location) { $0.location($1) }
        }
    }

    mutating func identity(_ code: Code) {
        location(code.location)
        located(code.id) { $0.string($1) }
        located(code.slug) { $0.string($1) }
        located(code.status) { $0.count(CodeStatus.allCases.firstIndex(of: $1) ?? 0) }
        optional(code.domain) { $0.located($1) { $0.string($1) } }
        optional(code.use) { $0.located($1) { $0.string($1) } }
        optional(code.compliance) { $0.located($1) { $0.string($1) } }
        count(code.ignore.count)
        for entry in code.ignore {
            located(entry.rule) { $0.string($1) }
            optional(entry.reason) { $0.located($1) { $0.string($1) } }
            optional(entry.until) { $0.located($1) { $0.signed($1.seconds) } }
            location(entry.location)
        }
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout RecordWriter, Value) -> Void) {
        flag(value != nil)
        if let value { write(&self, value) }
    }

    mutating func located<Value>(_ located: Located<Value>, _ write: (inout RecordWriter, Value) -> Void) {
        write(&self, located.value)
        location(located.location)
        optional(located.keyLocation) { writer, key in
            writer.signed(Int64(key.line))
            writer.signed(Int64(key.column))
        }
    }
}

extension RecordReader {
    mutating func diagnostic() throws(Malformed) -> Diagnostic {
        let severity = try count()
        guard severity < Severity.allCases.count else { throw Malformed() }
        let ruleID = try string()
        let message = try string()
        let location = try location()
        let length = try count()
        let notes = try list { (reader) throws(Malformed) in
            DiagnosticNote(try reader.string(), at: try reader.optional { (reader) throws(Malformed) in try reader.location() })
        }
        let hint = try optional { (reader) throws(Malformed) in try reader.string() }
        let suppression = try optional { (reader) throws(Malformed) in
            Suppression(
                reason: try reader.string(),
                until: try reader.optional { (reader) throws(Malformed) in try reader.string() },
                at: try reader.optional { (reader) throws(Malformed) in try reader.location() })
        }
        return Diagnostic(Severity.allCases[severity], ruleID, message, at: location, length: length, notes: notes,
                          hint: hint, suppression: suppression)
    }

    mutating func identity() throws(Malformed) -> Code {
        let location = try location()
        let id = try located { (reader) throws(Malformed) in try reader.string() }
        let slug = try located { (reader) throws(Malformed) in try reader.string() }
        let status = try located { (reader) throws(Malformed) -> CodeStatus in
            let index = try reader.count()
            guard index < CodeStatus.allCases.count else { throw Malformed() }
            return CodeStatus.allCases[index]
        }
        let domain = try optionalString()
        let use = try optionalString()
        let compliance = try optionalString()
        let ignore = try list { (reader) throws(Malformed) in
            IgnoreEntry(
                rule: try reader.located { (reader) throws(Malformed) in try reader.string() },
                reason: try reader.optionalString(),
                until: try reader.optional { (reader) throws(Malformed) in
                    try reader.located { (reader) throws(Malformed) in Instant(seconds: try reader.signed()) }
                },
                location: try reader.location())
        }
        return Code.identity(location: location, id: id, slug: slug, status: status, domain: domain, use: use,
                             compliance: compliance, ignore: ignore)
    }

    private mutating func optionalString() throws(Malformed) -> Located<String>? {
        try optional { (reader) throws(Malformed) in try reader.located { (reader) throws(Malformed) in try reader.string() } }
    }

    mutating func located<Value>(_ read: (inout RecordReader) throws(Malformed) -> Value) throws(Malformed) -> Located<Value> {
        let value = try read(&self)
        let location = try location()
        let key = try optional { (reader) throws(Malformed) in
            SourceLocation(file: location.file, line: try reader.int32(), column: try reader.int32())
        }
        return Located(value, at: location, key: key)
    }
}
