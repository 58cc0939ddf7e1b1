import Catalog
import Diagnostics

/// `published-code-deleted`: a code that was out in the world on the base is gone.
public struct PublishedCodeDeletedRule: Rule {
    public static let description = RuleDescription(
        id: "published-code-deleted",
        name: "Printed codes are never deleted",
        severity: .error,
        summary: "A code that was active, paused, retired or archived on the base must still be in the pull request: retire it instead of deleting it.",
        rationale: """
            A printed code is forever: the packaging, manual or sign that carries it is scanned for years after \
            anyone remembers the campaign. Deleting the code's file makes every such scan end at the domain's \
            not-found page, and frees its id and slug for another code, so that an old print could one day open \
            somebody else's page. Set `status: retired` (with a `fallback:`) instead; the code then stays in the \
            repository as history. Drafts were never printed and may be deleted. The finding points at the code \
            in the base (`REF:path`), since the pull request no longer has it. A code whose file cannot be read \
            in the pull request is not reported: the reading error comes first.
            """,
        triggering: [
            RuleExample("""
                # the pull request deletes the file
                """, base: """
                ↓id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: retired
                target: https://www.acme.example/x
                fallback: https://www.acme.example/support
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                target: https://www.acme.example/x
                """),
            RuleExample("""
                # the pull request deletes the file
                """, base: """
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: draft
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(against base: BaseContext, head: Catalog, context: RuleContext, into findings: inout [BaseFinding]) {
        for code in base.base.codes where code.status.value.hasBeenPublished {
            guard base.headByID[code.id.value] == nil, base.baseByID[code.id.value] === code,
                  !base.incompleteHeadFiles.contains(code.file) else { continue }
            findings.append(BaseFinding(finding(
                "the code `\(code.id.value)` was \(code.status.value.rawValue) on \(base.ref) and is deleted: printed codes are forever",
                at: base.location(code.id.keyOrValue), length: 2,
                notes: [DiagnosticNote("it lived in \(code.file) on \(base.ref)")],
                hint: "restore it and set `status: retired` with a `fallback:` instead"), about: code))
        }
    }
}
