/// The text of a code file holding one code that passes every standard rule (`codes:` list
/// form), for the check cache's and the build cache's tests.
enum CodeFileFixture {
    static func oneCode(id: String, slug: String, target: String, extra: String = "") -> String {
        """
        codes:
          - id: \(id)
            slug: \(slug)
            owner: retail-eu
            status: active
            name: a_b_c_d_e_v1
            labels: {region: eu}
            retire: 2027-01-01
            target: \(target)
        \(extra)
        """
    }
}
