/// The policy files `qrops init` writes: sensible defaults to adapt (docs/repository-format.md).
enum PolicyTemplates {
    static let codeDefaults = """
        # Defaults for every code below codes/ (a folder's own _defaults.yaml and the code itself
        # override them; labels, utm and artwork merge key by key).
        owner: marketing
        compliance: general
        labels:
          business-unit: marketing
          region: global
        artwork:
          ec: Q
          size: 25mm
          formats: [svg, pdf]

        """

    static let owners = """
        # Owners: the teams that may own a code. `reviewers` are asked to review pull requests that
        # touch their codes (`qrops codeowners` writes .github/CODEOWNERS from them). Set
        # `active: false` when a team is wound down: its codes then need a new owner.
        version: 1

        owners:
          marketing:
            name: Marketing
            contact: marketing@example.com
            reviewers: ["@example-org/marketing"]
            active: true

        """

    static let domains = """
        # Short domains: the hosts printed inside the codes. Paused, not yet launched and retired
        # codes without a fallback of their own go to the domain's `fallback`; unknown slugs to
        # `not-found`. A scan never ends in a bare 404.
        version: 1

        domains:
          qr.example.com:
            fallback: https://www.example.com/
            not-found: https://www.example.com/
            case-sensitive-slugs: false
            country-header: CF-IPCountry

        default-domain: qr.example.com

        """

    static let destinations = """
        # Destinations: the only hosts codes may send people to (a leading dot allows every
        # subdomain). Anything else needs a pull request here.
        version: 1

        destinations:
          allowed:
            - www.example.com
            - .example.com

        """

    static let lifecycle = """
        # Use cases: what a code is printed on, how long it may live, and the labels it must carry.
        version: 1

        use-cases:
          packaging:
            max-lifespan: 10y
            required-labels: [business-unit, region, print-run]
          events:
            max-lifespan: 6mo
            required-labels: [business-unit, region]
          direct-mail:
            max-lifespan: 1y
            required-labels: [business-unit, region]

        lifecycle:
          retiring-soon: 30d

        """

    static let compliance = """
        # Compliance categories. A regulated category makes every change to its codes high risk
        # in `qrops diff`, adds its reviewers to CODEOWNERS, and may narrow the destinations.
        version: 1

        compliance:
          general: {}
          regulated:
            regulated: true
            reviewers: ["@example-org/legal"]
            allowed-destinations: [www.example.com]

        """

    static let naming = """
        # Naming conventions. Ids never change and are never reused; slugs are what people retype.
        version: 1

        naming:
          name: '^[a-z0-9-]+(_[a-z0-9-]+){4}_v[0-9]+$'
          id: '^[A-Z]{3}-[A-Z]{2}-[0-9]{4}$'
          slug: '^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$'

        reserved-slugs: [healthz, metrics]

        """

    static let artwork = """
        # Artwork defaults and the print checks every code must pass.
        version: 1

        artwork:
          ec: Q
          formats: [svg]
          quiet-zone: 4
          min-module: 0.33mm
          min-contrast: 4.5

        """
}
