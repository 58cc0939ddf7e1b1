import Catalog
import Diagnostics

/// `required-labels`: a code carries the labels its use case and compliance category require.
public struct RequiredLabelsRule: Rule {
    public static let description = RuleDescription(
        id: "required-labels",
        name: "Required labels",
        severity: .error,
        summary: "A code must carry every label its use case and its compliance category list under `required-labels`.",
        rationale: """
            Labels are how governance questions get answered: which codes are on print run PR-2026-114, which \
            belong to a business unit, which passed the age-gate check. A use case requires the labels its \
            reports group by; a compliance category requires the labels that prove its checks were made. One \
            finding per missing label names the policy that requires it.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                use: packaging
                ↓labels: {channel: packaging}
                target: https://www.acme.example/x
                """),
            // Without `labels:`, at the code.
            RuleExample("""
                ↓id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                compliance: alcohol
                target: https://www.acme.example/x
                """),
        ],
        nonTriggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                use: packaging
                compliance: alcohol
                labels: {region: eu, age-gate: enforced}
                target: https://www.acme.example/x
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        let use = code.use?.value
        let category = code.compliance?.value
        let byUse = use.flatMap { context.requiredLabels.byUse[$0] } ?? []
        let byCategory = category.flatMap { context.requiredLabels.byCategory[$0] } ?? []
        // Nearly every code has every label it needs: check that first, in place.
        let complete = byUse.withUnsafeBufferPointer { byUse in byUse.indices.allSatisfy { code.label(byUse[$0].value) != nil } }
            && byCategory.withUnsafeBufferPointer { byCategory in byCategory.indices.allSatisfy { code.label(byCategory[$0].value) != nil } }
        guard !complete else { return }
        for required in byUse where code.label(required.value) == nil {
            let alsoByCategory = byCategory.first { $0.value == required.value }
            report(required.value, code: code, useCase: use.map { ($0, required) },
                   category: category.flatMap { category in alsoByCategory.map { (category, $0) } }, into: &findings)
        }
        for required in byCategory where code.label(required.value) == nil && !byUse.contains(where: { $0.value == required.value }) {
            report(required.value, code: code, useCase: nil, category: category.map { ($0, required) }, into: &findings)
        }
    }

    /// One finding for a missing label, naming every policy that requires it (use case or
    /// category name, and where it lists the label).
    private func report(_ label: String, code: Code, useCase: (String, Located<String>)?,
                        category: (String, Located<String>)?, into findings: inout [Diagnostic]) {
        var requiredBy: [String] = []
        var notes: [DiagnosticNote] = []
        if let (useCase, entry) = useCase {
            requiredBy.append("the `\(useCase)` use case")
            notes.append(DiagnosticNote("required by use case `\(useCase)` here", at: entry.location))
        }
        if let (category, entry) = category {
            requiredBy.append("the `\(category)` compliance category")
            notes.append(DiagnosticNote("required by compliance category `\(category)` here", at: entry.location))
        }
        let location = code.labelsKeyLocation ?? code.location
        let length = code.labelsKeyLocation == nil ? 1 : "labels".count
        findings.append(finding(
            "the label `\(label)` is required by \(requiredBy.joined(separator: " and ")) but missing",
            at: location, length: length, notes: notes,
            hint: "add `\(label): ...` under `labels:` (or in the folder's `_defaults.yaml`)"))
    }
}
