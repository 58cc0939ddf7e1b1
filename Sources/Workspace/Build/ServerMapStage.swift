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

    /// From this many codes on the emitters run one after the other rather than side by side:
    /// each holds its files whole until they are written (at a million codes up to a gigabyte
    /// per target), and two at once would take a million-code build over 4 GB.
    static let oneAtATimeFrom = 250_000

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
    /// `codeIDs` are the catalog's codes' `id:`s as written (what a finding about a code is
    /// located at), so that the codes themselves can be released before the maps are made.
    static func run(_ table: RedirectTable, policies: Policies, codeIDs: [Located<String>], at: Instant, into staging: StagingFolder) async -> Result {
        let (emitters, configDiagnostics) = targets(policies)
        let options = EmitOptions(at: at.seconds)
        // One task per emitter, each hashing and writing its own files; from
        // `oneAtATimeFrom` codes on, one task runs them all in turn.
        let chunk = table.codes.count >= oneAtATimeFrom ? max(1, emitters.count) : 1
        let results = await ParallelMap.map(count: emitters.count, chunk: chunk) { index in
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
        // The codes the findings name (only those: at a million codes a map of every code
        // would cost a few hundred megabytes).
        let named = Set(results.flatMap { $0.findings.compactMap(\.codeID) })
        var idsByValue: [String: Located<String>] = [:]
        if !named.isEmpty {
            for id in codeIDs where named.contains(id.value) && idsByValue[id.value] == nil {
                idsByValue[id.value] = id
            }
        }
        var result = Result(diagnostics: configDiagnostics)
        for (index, emitted) in results.enumerated() {
            result.targets.append(emitters[index].emitter.target)
            result.files += emitted.files
            if result.writeError == nil { result.writeError = emitted.error }
            for finding in emitted.findings {
                result.diagnostics.append(BuildRule.targetFinding(
                    finding, codeID: finding.codeID.flatMap { idsByValue[$0] },
                    policyEntry: emitters[index].name, policies: policies))
            }
        }
        result.diagnostics.sort(by: Diagnostic.reportOrder)
        return result
    }
}
