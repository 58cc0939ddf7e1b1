import Catalog
import Diagnostics
import Routing
import ServerMaps

/// The generated server and edge configurations: runs each configured emitter (in parallel)
/// over the redirect table, writes its files into the staging folder, and turns what a target
/// cannot express into diagnostics located at the code (or at the policy's `build: targets:`
/// entry).
enum ServerMapStage {
    struct Result: Sendable {
        /// The manifest entries of the files written: in emitter order, each emitter's files in
        /// its order.
        var files: [BuildManifest.File] = []
        var diagnostics: [Diagnostic] = []
        /// The targets emitted, in the order configured.
        var targets: [String] = []
        /// Writing a file into the staging folder failed.
        var writeError: (any Error)?
    }

    /// The targets a portfolio asks for: `build: {targets: [...]}` in `policies/`, or every
    /// target when the policy does not say.
    static func targets(_ policies: Policies) -> (emitters: [(name: Located<String>?, emitter: any ServerMapEmitter.Type)], diagnostics: [Diagnostic]) {
        guard let configured = policies.buildTargets else {
            return (allEmitters.map { (nil, $0) }, [])
        }
        var chosen: [(name: Located<String>?, emitter: any ServerMapEmitter.Type)] = []
        var diagnostics: [Diagnostic] = []
        let known = allEmitters.map { $0.target }
        for name in configured {
            guard let emitter = allEmitters.first(where: { $0.target == name.value }) else {
                diagnostics.append(BuildRule.unknownTarget(name, known: known))
                continue
            }
            if chosen.contains(where: { $0.emitter.target == name.value }) { continue }
            chosen.append((name, emitter))
        }
        return (chosen, diagnostics)
    }

    /// Runs the emitters and writes their files into `staging` as each emitter finishes (so
    /// that only the maps being made are held in memory: at a million codes each target's files
    /// are hundreds of megabytes).
    static func run(_ table: RedirectTable, catalog: Catalog, at: Instant, into staging: StagingFolder) async -> Result {
        let (emitters, configDiagnostics) = targets(catalog.policies)
        let options = EmitOptions(at: at.seconds)
        // One task per emitter; each hashes and writes its own files.
        let results = await ParallelMap.map(count: emitters.count, chunk: 1) { index in
            let emitted = emitters[index].emitter.emit(table, options: options)
            var files: [BuildManifest.File] = []
            do {
                for file in emitted.files {
                    let output = BuildOutput(path: file.path, bytes: file.bytes)
                    try staging.write(output.bytes, to: output.path)
                    files.append(output.manifestEntry)
                }
            } catch {
                return (files: files, findings: emitted.findings, error: error as (any Error)?)
            }
            return (files: files, findings: emitted.findings, error: nil)
        }
        var codesByID: [String: Code] = [:]
        if results.contains(where: { !$0.findings.isEmpty }) {
            for code in catalog.codes where codesByID[code.id.value] == nil { codesByID[code.id.value] = code }
        }
        var result = Result(diagnostics: configDiagnostics)
        for (index, emitted) in results.enumerated() {
            result.targets.append(emitters[index].emitter.target)
            result.files += emitted.files
            if result.writeError == nil { result.writeError = emitted.error }
            for finding in emitted.findings {
                result.diagnostics.append(BuildRule.targetFinding(
                    finding, code: finding.codeID.flatMap { codesByID[$0] },
                    policyEntry: emitters[index].name, policies: catalog.policies))
            }
        }
        result.diagnostics.sort(by: Diagnostic.reportOrder)
        return result
    }
}
