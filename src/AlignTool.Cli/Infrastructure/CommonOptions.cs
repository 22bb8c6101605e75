using System.CommandLine;
using AlignTool.Core.Text;

namespace AlignTool.Cli.Infrastructure;

/// <summary>Options several commands share, built the same way everywhere.</summary>
internal static class CommonOptions
{
    /// <summary><c>--format text|jsonl</c>; text when not given (the enum's first value: no default shown in its own case).</summary>
    public static Option<OutputFormat> Format(string description = "Output format: text for people (the default), jsonl for scripts") =>
        new("--format")
        {
            Description = description,
            HelpName = "text|jsonl",
            CustomParser = r => r.Tokens.Count == 0 ? OutputFormat.Text : ParseFormat(r.Tokens[0].Value, r),
        };

    private static OutputFormat ParseFormat(string value, System.CommandLine.Parsing.ArgumentResult r)
    {
        switch (value.ToLowerInvariant())
        {
            case "text": return OutputFormat.Text;
            case "jsonl": return OutputFormat.Jsonl;
            default:
                r.AddError($"--format must be text or jsonl, not '{value}'");
                return OutputFormat.Text;
        }
    }

    /// <summary><c>--from auto|en|ar|zh</c>; other tools' tags (<c>zh-CN</c>, <c>zh-Hans</c>) are accepted. Null means auto.</summary>
    public static Option<string?> Language(string name = "--from", string description = "Language of the input: auto (detect by script, block by block), en, ar or zh") =>
        new(name)
        {
            Description = description,
            HelpName = "LANG",
            CustomParser = r =>
            {
                if (r.Tokens.Count == 0) return null;
                var v = r.Tokens[0].Value;
                if (v.Equals("auto", StringComparison.OrdinalIgnoreCase)) return null;
                var tag = LanguageTag.Normalize(v);
                if (!LanguageTag.IsSupported(tag)) r.AddError($"{name} must be auto, en, ar or zh, not '{v}'");
                return tag;
            },
        };

    public static Option<string?> TargetLanguage(string name = "--to") =>
        new(name)
        {
            Description = "Target language: zh or ar",
            HelpName = "LANG",
            Required = true,
            CustomParser = r =>
            {
                var v = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
                var tag = LanguageTag.Normalize(v);
                if (tag is not (LanguageTag.Chinese or LanguageTag.Arabic)) r.AddError($"{name} must be zh or ar, not '{v}'");
                return tag;
            },
        };

    /// <summary><c>--format</c> of a command that changes the memory or writes a file: a summary object on stdout with jsonl.</summary>
    public static Option<OutputFormat> SummaryFormat() => Format("Summary on stdout: text (the default: none, the summary goes to stderr) or jsonl (one object)");

    /// <summary>Refuses a value below <paramref name="min"/> as a usage error (exit 2).</summary>
    public static Option<int> AtLeast(this Option<int> option, int min)
    {
        option.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v < min) r.AddError($"{option.Name} must be {min} or more, not {v}");
        });
        return option;
    }

    /// <summary>Refuses a value outside <paramref name="min"/>..<paramref name="max"/> as a usage error (exit 2).</summary>
    public static Option<int> Between(this Option<int> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v < min || v > max) r.AddError($"{option.Name} must be from {min} to {max}, not {v}");
        });
        return option;
    }
}
