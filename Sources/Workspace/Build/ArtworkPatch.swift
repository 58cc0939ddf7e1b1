/// How to bring a sealed staging folder's `artwork/` from the plan it holds (its
/// `ArtworkPlanIndex`) to this build's, when only a few code files' plans differ: which codes'
/// files to make, and which of the old files to remove. Worked out from the files' plan
/// digests, decoding only the changed files' plans; the other 100,000 codes' plans are neither
/// decoded nor joined, and their files and manifest entries stay as they are.
///
/// A code whose id and `ArtworkPlanIndex.codeDigest` are unchanged keeps its files, also when
/// it moved to another changed file. Nil (the build joins and stages the whole plan) when the
/// index is another engine's, when a changed file's plan has a finding or is not all planned
/// codes, when more than `limit` files would be made or removed, or when a changed file's id
/// may clash in case with another id (`build-id-case-clash`, which the whole plan reports).
struct ArtworkPatch: Sendable {
    /// The plan the staging folder holds.
    var base: SHA256.Digest
    /// The codes whose files are made, by id (bytewise).
    var plans: [ArtworkPlan]
    /// Old file names that are removed or replaced, sorted bytewise.
    var removed: [String]
    /// Old codes with at least one file whose files all go.
    var removedCodes: Int
    /// The index of this build's plan.
    var index: ArtworkPlanIndex

    /// At most this many files made and removed: past it, staging the whole plan is as quick.
    static let limit = 1_024

    static func make(from base: ArtworkPlanIndex, to planDigest: SHA256.Digest, paths: [String], files: [PlannedFile],
                     engine: ArtworkEngine, limit: Int = Self.limit) -> ArtworkPatch?
    {
        let engineDigest = ArtworkPlanIndex.engineDigest(engine)
        guard base.engineDigest == engineDigest, paths.count == files.count, !files.contains(where: \.summary.hasFindings) else { return nil }
        var basePositions: [String: Int] = [:]
        basePositions.reserveCapacity(base.files.count)
        for (position, file) in base.files.enumerated() { basePositions[file.path] = position }
        // The changed files: new or with another digest; and the base's files they replace or
        // that are gone.
        var changed: [Int] = []
        var unchangedBase = Array(repeating: false, count: base.files.count)
        for (position, path) in paths.enumerated() {
            if let old = basePositions[path], base.files[old].digest == files[position].summary.digest {
                unchangedBase[old] = true
            } else {
                changed.append(position)
            }
        }
        let goneBase = base.files.indices.filter { !unchangedBase[$0] }
        let touched = changed.reduce(0) { $0 + files[$1].summary.printed } + goneBase.reduce(0) { $0 + base.files[$1].codeCount }
        guard touched <= limit else { return nil }

        // The old codes of the changed files, by id.
        var oldCodes: [String: ArtworkPlanIndex.Code] = [:]
        for position in goneBase {
            guard let codes = base.files[position].codes() else { return nil }
            for code in codes { oldCodes[code.id] = code }
        }
        // The new ones, with their part of the new index.
        var newFiles: [Int: ArtworkPlanIndex.File] = [:]
        var plans: [ArtworkPlan] = []
        var newFolded: [UInt64: String] = [:]
        var kept: Set<String> = []
        for position in changed {
            guard let plan = files[position].plan(),
                  let (file, filePlans, codes) = ArtworkPlanIndex.file(path: paths[position], digest: files[position].summary.digest,
                                                                       plan: plan, engine: engine)
            else { return nil }
            newFiles[position] = file
            for (index, (artwork, code)) in zip(filePlans, codes).enumerated() {
                let folded = file.foldedHash(at: index)
                if let other = newFolded.updateValue(code.id, forKey: folded), other != code.id { return nil }
                if oldCodes[code.id] == code {
                    kept.insert(code.id)
                } else {
                    plans.append(artwork)
                }
            }
        }
        // A changed file's id may clash only with an id folded the same way in an unchanged file
        // (the base plan had no clash): any such hash, a clash or a hash collision, is left to
        // the whole plan's check.
        if !newFolded.isEmpty {
            for (position, file) in base.files.enumerated() where unchangedBase[position] {
                for index in 0..<file.codeCount where newFolded[file.foldedHash(at: index)] != nil { return nil }
            }
        }
        var removed: [String] = []
        var removedCodes = 0
        for code in oldCodes.values where !kept.contains(code.id) {
            removed += code.names
            if !code.formats.isEmpty { removedCodes += 1 }
        }
        guard plans.reduce(0, { $0 + $1.formats.count }) + removed.count <= limit else { return nil }
        plans.sort { ByteOrder.precedes($0.codeID.value, $1.codeID.value) }
        removed.sort(by: ByteOrder.precedes)

        var indexFiles: [ArtworkPlanIndex.File] = []
        indexFiles.reserveCapacity(paths.count)
        for (position, path) in paths.enumerated() {
            if let file = newFiles[position] {
                indexFiles.append(file)
            } else if let old = basePositions[path] {
                indexFiles.append(base.files[old])
            } else {
                return nil
            }
        }
        return ArtworkPatch(base: base.planDigest, plans: plans, removed: removed, removedCodes: removedCodes,
                            index: ArtworkPlanIndex(planDigest: planDigest, engineDigest: engineDigest, files: indexFiles))
    }
}
