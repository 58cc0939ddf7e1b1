import Catalog
import Diagnostics
import Routing
import YAMLTree

/// Seconds since 1970 of an RFC 3339 instant or a date (`Int64.min` when malformed, which no
/// test instant is: a typo shows up as a failing expectation, not as a silent zero).
func seconds(_ text: String) -> Int64 {
    Instant.parse(text)?.seconds ?? Int64.min
}

/// Resolves `url` against `table` with the given request facts.
func resolve(
    _ url: String, in table: RedirectTable, at: String = "2026-06-01T12:00:00Z", userAgent: String? = nil,
    acceptLanguage: String? = nil, country: String? = nil, client: String? = nil,
    device: Device? = nil, language: String? = nil
) -> Resolution? {
    guard var request = ScanRequest(url: url, at: seconds(at)) else { return nil }
    request.userAgent = userAgent
    request.acceptLanguage = acceptLanguage
    request.country = country
    request.client = client
    request.device = device
    request.language = language
    return Router.resolve(request, in: TableIndex(table))
}

/// Decodes code files and policy files from memory through the real decoders, the way
/// `qrops build` reads a repository (without `_defaults.yaml`).
func decodeCatalog(codes: [String: String], policies: [String: String]) -> (catalog: Catalog, diagnostics: [Diagnostic]) {
    var files = FileTable()
    var diagnostics: [Diagnostic] = []
    var policyDocuments: [YAMLDocument] = []
    for path in policies.keys.sorted() {
        let loaded = YAMLLoader.load(policies[path] ?? "", path: path, fileID: files.add(path))
        diagnostics += loaded.diagnostics
        if let document = loaded.document { policyDocuments.append(document) }
    }
    let (decodedPolicies, policyDiagnostics) = PolicyDecoder.decode(policyDocuments, files: files)
    diagnostics += policyDiagnostics
    var allCodes: [Code] = []
    for path in codes.keys.sorted() {
        let loaded = YAMLLoader.load(codes[path] ?? "", path: path, fileID: files.add(path))
        diagnostics += loaded.diagnostics
        guard let document = loaded.document else { continue }
        let (decoded, more) = CodeFileDecoder.decode(document, inherited: nil, files: files)
        allCodes += decoded
        diagnostics += more
    }
    return (Catalog(codes: allCodes, policies: decodedPolicies, files: files), diagnostics)
}
