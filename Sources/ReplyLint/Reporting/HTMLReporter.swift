// TEMPORARY until the HTML report lands.
public enum HTMLReporter {
    public struct Options: Sendable { public var title: String; public init(title: String = "ReplyLint report") { self.title = title } }
    public static func report(_ result: LintResult, options: Options = Options()) -> String { "" }
}
