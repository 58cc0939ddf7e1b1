/// One digest of a whole artwork plan, made of one digest per code file's plan (`ofFile`, kept
/// in the build cache with the file's plan, `PlannedFile.Summary`), in file order, and the
/// engine's identity. A file's digest covers every item of its plan: its kind (planned, printed
/// without artwork, refused, unusable id) and id, and for a planned code everything that decides
/// its files' bytes (its `cacheMaterial` and formats, as in the cache keys). The joined plan
/// (`BuildPlanner.plan`) is made from nothing else but those items and locations, so two builds
/// with the same digest make the same `artwork/` folder, file for file, and the same findings
/// but for where they are located: none, when one of them built (every build finding is an
/// error). A staging folder sealed with this digest (`StagingSeals.Artwork`) already holds the
/// build's artwork.
enum ArtworkPlanDigest {
    static func of(files: [SHA256.Digest], engine: ArtworkEngine) -> SHA256.Digest {
        var hasher = engine.keyPrefix
        hasher.update("artwork plan of \(files.count) files\n")
        for digest in files { hasher.update(digest.bytes) }
        return hasher.finalize()
    }

    static func ofFile(_ plan: BuildPlanner.FilePlan) -> SHA256.Digest {
        var scratch: [UInt8] = []
        scratch.append(plan.keepsArtwork ? 1 : 0)
        for item in plan.items {
            switch item {
            case .unsafe(let diagnostic):
                scratch.append(0)
                append(diagnostic.message, to: &scratch)
            case .candidate(let id, _, let outcome):
                scratch.append(1)
                append(id.value, to: &scratch)
                switch outcome {
                case .planned(let plan):
                    scratch.append(0)
                    let material = plan.cacheMaterial
                    append(material.count, to: &scratch)
                    scratch += material
                    append(plan.formats.count, to: &scratch)
                    for format in plan.formats { append(format.rawValue, to: &scratch) }
                case .printed:
                    scratch.append(1)
                case .refused(let diagnostic):
                    scratch.append(2)
                    append(diagnostic.message, to: &scratch)
                }
            }
        }
        var hasher = SHA256()
        hasher.update("file plan\n")
        hasher.update(scratch)
        return hasher.finalize()
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        append(text.utf8.count, to: &bytes)
        bytes += text.utf8
    }

    private static func append(_ value: Int, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: UInt64(value) >> UInt64(shift))) }
    }
}
