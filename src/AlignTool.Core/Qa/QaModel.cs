using AlignTool.Core.Text;

namespace AlignTool.Core.Qa;

/// <summary>The closed taxonomy of QA findings.</summary>
public enum QaIssueKind
{
    InconsistentTarget,
    InconsistentSource,
    TermMissing,
    ForbiddenTerm,
    CrossLanguageTerm,
    NumberMismatch,
    Untranslated,
    EmptyTarget,
    Punctuation,
}

public enum QaSeverity
{
    Error,
    Warning,
    Info,
}

public static class QaNames
{
    public static string Name(this QaIssueKind kind) => kind switch
    {
        QaIssueKind.InconsistentTarget => "inconsistent-target",
        QaIssueKind.InconsistentSource => "inconsistent-source",
        QaIssueKind.TermMissing => "term-missing",
        QaIssueKind.ForbiddenTerm => "forbidden-term",
        QaIssueKind.CrossLanguageTerm => "cross-language-term",
        QaIssueKind.NumberMismatch => "number-mismatch",
        QaIssueKind.Untranslated => "untranslated",
        QaIssueKind.EmptyTarget => "empty-target",
        QaIssueKind.Punctuation => "punctuation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Name(this QaSeverity s) => s.ToString().ToLowerInvariant();
}

/// <summary>One finding: what, how bad, where (unit, language, spans of source and target).</summary>
public sealed record QaIssue(QaIssueKind Kind, QaSeverity Severity, string Unit, string Lang, string Source, string Target, string Message, TextSpan? SourceSpan, TextSpan? TargetSpan);

/// <summary>A unit as QA reads it: an English source and its targets, from the memory or from a draft.</summary>
public sealed record QaUnit(string Id, string Source, IReadOnlyList<(string Lang, string Text)> Targets);

/// <summary>One concern of QA.</summary>
public interface IQaCheck
{
    IEnumerable<QaIssue> Check(IReadOnlyList<QaUnit> units);
}
