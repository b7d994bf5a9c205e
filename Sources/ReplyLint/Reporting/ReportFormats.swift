// Every format `replylint lint --format` writes, by name: the registry the CLI asks, instead of a
// switch of its own. A new format is one entry here and one file beside this one.

extension ReportFormat {
    public static let all: [ReportFormat] = [
        ReportFormat(name: "text", summary: "for people: each finding with its line, and a summary") { result, options in
            TextReporter.report(result, options: .init(color: options.color))
        },
        ReportFormat(name: "json", summary: "for scripts (PRODUCT.md's shape, version 1)") { result, _ in
            JSONReporter.report(result)
        },
        ReportFormat(name: "sarif", summary: "SARIF 2.1.0, for GitHub code scanning") { result, options in
            SARIFReporter.report(result, rules: RuleRegistry.descriptions, version: options.toolVersion)
        },
        ReportFormat(name: "junit", summary: "JUnit XML, one test case per file, for CI test views") { result, _ in
            JUnitReporter.report(result)
        },
        ReportFormat(name: "github", summary: "GitHub Actions annotations on a pull request's lines") { result, _ in
            GitHubReporter.report(result)
        },
        ReportFormat(name: "html", summary: "a self-contained page to open in a browser") { result, _ in
            HTMLReporter.report(result)
        },
    ]

    public static func named(_ name: String) -> ReportFormat? { all.first { $0.name == name } }
}
