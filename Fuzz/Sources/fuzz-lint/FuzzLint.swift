import Catalog
import Diagnostics
import Rules
import YAMLTree

/// One fuzz input = one code file. It goes through everything `qrops lint` does to a file:
/// libyaml → located tree → decode (with folder defaults) → every rule → identity checks →
/// all four renderers. Any trap, crash or sanitizer report is a finding.
private let policies: (Policies, FileTable) = {
    var files = FileTable()
    let id = files.add("policies/example.yaml")
    let loaded = YAMLLoader.load(RuleExampleRunner.standardPolicies, path: "policies/example.yaml", fileID: id)
    let (policies, _) = PolicyDecoder.decode(loaded.document.map { [$0] } ?? [], files: files)
    return (policies, files)
}()

private let engine = RuleEngine()
private let context = RuleContext(policies: policies.0, now: RuleExampleRunner.now)
// The rules table is static text; only the results depend on the input.
private let sarif = SARIFRenderer(toolVersion: "fuzz", rules: [], informationURI: "https://example.invalid")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var files = policies.1
    let defaultsID = files.add("codes/_defaults.yaml")
    let codeID = files.add("codes/fuzz.yaml")
    var diagnostics: [Diagnostic] = []
    // The same bytes serve as the folder's defaults too, so merging is fuzzed as well.
    let defaults = YAMLLoader.load(bytes, path: "codes/_defaults.yaml", fileID: defaultsID)
    let loaded = YAMLLoader.load(bytes, path: "codes/fuzz.yaml", fileID: codeID)
    diagnostics += loaded.diagnostics
    var codes: [Code] = []
    if let document = loaded.document {
        let inherited = defaults.document?.root.flatMap { $0.entries != nil ? $0 : nil }
        let decoded = CodeFileDecoder.decode(document, inherited: inherited, files: files)
        codes = decoded.codes
        diagnostics += decoded.diagnostics
        if let defaultsDocument = defaults.document { diagnostics += CodeFileDecoder.checkDefaults(defaultsDocument, files: files) }
    }
    diagnostics += engine.checkCodes(codes[...], context: context)
    let catalog = Catalog(codes: codes, policies: policies.0, files: files)
    diagnostics += IdentityChecks.check(codes, policies: policies.0)
    diagnostics += engine.checkCatalog(catalog, context: context)
    let source = SourceText(path: "codes/fuzz.yaml", text: String(decoding: bytes, as: UTF8.self))
    _ = HumanRenderer(colour: true, sources: ["codes/fuzz.yaml": source]).render(diagnostics, filesChecked: 1)
    _ = JSONRenderer(toolVersion: "fuzz").render(diagnostics, filesChecked: 1)
    _ = sarif.render(diagnostics, filesChecked: 1)
    _ = GitHubRenderer().render(diagnostics, filesChecked: 1)
    return 0
}

// SwiftPM links an executable's entry point as `<product>_main`; hand control to libFuzzer's
// driver from there (libFuzzer's own `main` is not the one SwiftPM calls).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("fuzz_lint_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzLint(data, size)
    }
}
