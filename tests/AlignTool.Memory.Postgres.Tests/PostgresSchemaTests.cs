using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Text;
using AlignTool.Core.Tests;
using Npgsql;

namespace AlignTool.Memory.Postgres.Tests;

/// <summary>The schema's versioned migrations: a memory of an earlier version is brought to the latest on first use,
/// keeping what it holds.</summary>
[TestClass]
public sealed class PostgresSchemaTests : PostgresSchemasTest
{
    private static long Scalar(string sql, string schema)
    {
        using var db = PostgresServer.Connect(PostgresServer.Url);
        using var cmd = new NpgsqlCommand(sql.Replace("SCHEMA", schema, StringComparison.Ordinal), db);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [TestMethod]
    public void MemoryOfSchema1_IsMigrated_AndItsTemplatesStillFound()
    {
        var url = NewMemoryUrl(out var schema);
        using (var memory = PostgresTranslationMemory.Open(url, NoEnvironment))
        {
            Core.Tests.Memory.Storage.TranslationMemoryContract.Ingest(memory, catalog: true, [TestData.Seed002]);
            Assert.AreEqual(Schema.Latest, memory.SchemaVersion);
        }
        // As schema 1 left it: without the catalogue's template index.
        Scalar("DROP INDEX \"SCHEMA\".units_catalog_template; UPDATE \"SCHEMA\".schema_version SET version = 1; SELECT 1", schema);
        Assert.AreEqual(0L, Scalar("SELECT count(*) FROM pg_indexes WHERE schemaname = 'SCHEMA' AND indexname = 'units_catalog_template'", schema));

        using var again = PostgresTranslationMemory.Open(url, NoEnvironment);
        Assert.AreEqual(2, again.SchemaVersion);
        Assert.AreEqual(1L, Scalar("SELECT count(*) FROM pg_indexes WHERE schemaname = 'SCHEMA' AND indexname = 'units_catalog_template'", schema));
        var match = new MemoryLookup(again).Lookup("Forty-ninth session", Language.English, Language.Chinese)[0];
        Assert.AreEqual((MatchKind.Template, "第四十九届会议"), (match.Kind, match.Target));
    }
}
