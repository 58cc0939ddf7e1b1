import Routing

/// Writes a `RedirectTable` as the documented JSON of `build/redirects.json`
/// (docs/table-format.md, "JSON"): the same content as the `.qrt` file, in the same canonical
/// order. `pretty: false` (what `qrops build` writes) has no whitespace but a final newline;
/// `pretty: true` indents by two spaces.
public enum TableJSONWriter {
    public static let format = "qrops-redirect-table"
    public static let version = 1

    public static func write(_ table: RedirectTable, pretty: Bool = false) -> [UInt8] {
        var json = JSONStream(pretty: pretty)
        json.reserve(table.codes.count * (pretty ? 900 : 520) + 1_024)
        write(CanonicalTable.canonical(table), into: &json) { _ in }
        return json.bytes
    }

    /// The same bytes as `write(_:pretty:)`, handed to `sink` in pieces of about `chunkSize`
    /// bytes (whole codes; the last piece may be shorter), so that a writer holds one piece
    /// rather than the whole file: `qrops build` streams the JSON of a million codes to disk
    /// this way. Each piece is only valid during the call.
    public static func write<Failure: Error>(
        _ table: RedirectTable, pretty: Bool = false, chunkSize: Int,
        to sink: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Void
    ) throws(Failure) {
        var json = JSONStream(pretty: pretty)
        json.reserve(min(chunkSize, 1 << 24) + 64 * 1_024)
        try write(CanonicalTable.canonical(table), into: &json) { (json) throws(Failure) in
            if json.bytes.count >= chunkSize { try json.drain(into: sink) }
        }
        try json.drain(into: sink)
    }

    /// The same bytes as `write(_:chunkSize:to:)` (minified), with each code's object copied
    /// from `codeJSON` rather than written: code `i` of the table is object `sources[i].entry`
    /// of `codeJSON[sources[i].part]` (`TableCompiler.mergeTracing` says where each code came
    /// from). When the sources do not fit the table (another count, an object missing, a table
    /// not in canonical order), the codes are written as usual.
    public static func write<Failure: Error>(
        _ table: RedirectTable, chunkSize: Int, codeJSON: [CodeJSON], sources: [(part: Int32, entry: Int32)],
        to sink: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Void
    ) throws(Failure) {
        let fits = sources.count == table.codes.count
            && sources.allSatisfy { codeJSON.indices.contains(Int($0.part)) && Int($0.entry) >= 0 && Int($0.entry) < codeJSON[Int($0.part)].count }
            && CanonicalTable.isCanonical(table)
        guard fits else { return try write(table, chunkSize: chunkSize, to: sink) }
        var json = JSONStream(pretty: false)
        json.reserve(min(chunkSize, 1 << 24) + 64 * 1_024)
        try write(table, into: &json, code: { index, json in
            let source = sources[index]
            let part = codeJSON[Int(source.part)]
            let range = part.range(Int(source.entry))
            part.bytes.withUnsafeBufferPointer { json.value(UnsafeBufferPointer(rebasing: $0[range])) }
        }) { (json) throws(Failure) in
            if json.bytes.count >= chunkSize { try json.drain(into: sink) }
        }
        try json.drain(into: sink)
    }

    /// The whole document of a canonical table; `afterCode` runs after each code's object.
    private static func write<Failure: Error>(
        _ table: RedirectTable, into json: inout JSONStream, afterCode: (inout JSONStream) throws(Failure) -> Void
    ) throws(Failure) {
        try write(table, into: &json, code: { index, json in write(table.codes[index], &json) }, afterCode: afterCode)
    }

    /// The whole document of a canonical table, each code's object written by `code`.
    private static func write<Failure: Error>(
        _ table: RedirectTable, into json: inout JSONStream, code: (Int, inout JSONStream) -> Void,
        afterCode: (inout JSONStream) throws(Failure) -> Void
    ) throws(Failure) {
        json.beginObject()
        json.key("format")
        json.string(format)
        json.key("version")
        json.int(Int64(version))
        json.key("domains")
        json.beginArray()
        for domain in table.domains { write(domain, &json) }
        json.endArray()
        json.key("codes")
        json.beginArray()
        for index in table.codes.indices {
            code(index, &json)
            try afterCode(&json)
        }
        json.endArray()
        json.endObject()
        json.finish()
    }

    static func write(_ domain: TableDomain, _ json: inout JSONStream) {
        json.beginObject()
        json.key("host")
        json.string(domain.host)
        if let fallback = domain.fallback {
            json.key("fallback")
            json.string(fallback)
        }
        if let notFound = domain.notFound {
            json.key("not-found")
            json.string(notFound)
        }
        json.key("case-sensitive-slugs")
        json.bool(domain.caseSensitiveSlugs)
        json.key("country-header")
        json.string(domain.countryHeader)
        json.endObject()
    }

    static func write(_ code: TableCode, _ json: inout JSONStream) {
        json.beginObject()
        json.key("id")
        json.string(code.id)
        json.key("domain")
        json.string(code.domain)
        json.key("slug")
        json.string(code.slug)
        json.key("state")
        json.string(code.state.rawValue)
        if let launch = code.launch {
            json.key("launch")
            instant(launch, &json)
        }
        if let retire = code.retire {
            json.key("retire")
            instant(retire, &json)
        }
        json.key("status")
        json.int(Int64(code.status))
        if let target = code.target {
            json.key("target")
            json.string(target)
        }
        if code.forwardQuery {
            json.key("forward-query")
            json.bool(true)
        }
        if !code.utm.isEmpty {
            json.key("utm")
            json.beginArray()
            for parameter in code.utm { pair(parameter.name, parameter.value, &json) }
            json.endArray()
        }
        if !code.routes.isEmpty {
            json.key("routes")
            json.beginArray()
            for index in code.routes.indices { write(code.routes[index], &json) }
            json.endArray()
        }
        if let fallback = code.fallback {
            json.key("fallback")
            json.string(fallback)
        }
        json.endObject()
    }

    static func write(_ route: TableRoute, _ json: inout JSONStream) {
        let condition = route.condition
        json.beginObject()
        json.key("when")
        json.beginObject()
        if !condition.devices.isEmpty {
            json.key("device")
            json.beginArray()
            for device in condition.devices { json.string(device.rawValue) }
            json.endArray()
        }
        if !condition.languages.isEmpty {
            json.key("language")
            strings(condition.languages, &json)
        }
        if !condition.countries.isEmpty {
            json.key("country")
            strings(condition.countries, &json)
        }
        if !condition.query.isEmpty {
            json.key("query")
            json.beginArray()
            for wanted in condition.query { pair(wanted.name, wanted.value, &json) }
            json.endArray()
        }
        if let after = condition.after {
            json.key("after")
            instant(after, &json)
        }
        if let before = condition.before {
            json.key("before")
            instant(before, &json)
        }
        json.endObject()
        switch route.outcome {
        case .target(let target):
            json.key("target")
            json.string(target)
        case .split(let arms):
            json.key("split")
            json.beginArray()
            for arm in arms {
                json.beginObject()
                json.key("weight")
                json.int(Int64(arm.weight))
                json.key("target")
                json.string(arm.target)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
    }

    static func strings(_ items: [String], _ json: inout JSONStream) {
        json.beginArray()
        for item in items { json.string(item) }
        json.endArray()
    }

    /// `{"name": ..., "value": ...}` (a nil value is `null`: any value), an element of the
    /// `utm` and `query` arrays.
    static func pair(_ name: String, _ value: String?, _ json: inout JSONStream) {
        json.beginObject()
        json.key("name")
        json.string(name)
        json.key("value")
        if let value { json.string(value) } else { json.null() }
        json.endObject()
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (UTC). Instants outside years 0000–9999, which the `.qrt`
    /// writer refuses and only a hand-made table can hold, are written as the number of
    /// seconds since 1970 instead.
    static func instant(_ seconds: Int64, _ json: inout JSONStream) {
        if QRTLayout.instants.contains(seconds) {
            json.instant(seconds)
        } else {
            json.int(seconds)
        }
    }
}
