using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using OrleansNetOps.Governance.Audit;

namespace OrleansNetOps.Governance.Tests.Properties;

public sealed class AuditChainProperties
{
    private static readonly Gen<JsonNode?> Scalar = Gen.Frequency(
        (3, Gen.String[0, 24].Select(s => (JsonNode?)JsonValue.Create(s))),
        (1, Gen.OneOf("", "ü", "\n\t\"\\", "\u0001\u001f", "😀 ISP-A", "\u2028").Select(s => (JsonNode?)JsonValue.Create(s))),
        (2, Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d))),
        (1, Gen.OneOf(0.1, 1e-7, 1e21, 123456789012345678.0, -0.0, 5e-324, 0.25, 300).Select(d => (JsonNode?)JsonValue.Create(d))),
        (2, Gen.Long[-1_000_000, 1_000_000].Select(l => (JsonNode?)JsonValue.Create(l))),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Bool.Select(_ => (JsonNode?)null)));

    private static readonly Gen<JsonObject> Detail = Gen.Select(
        Gen.Select(Gen.OneOf("outcome", "tier", "zeta", "Alpha", "a", "é", "inputs", "reasons"), Scalar).Array[0, 6],
        Scalar.Array[0, 4],
        (members, items) =>
        {
            var detail = new JsonObject();
            foreach (var (name, value) in members)
            {
                detail[name] = value?.DeepClone();
            }

            detail["list"] = new JsonArray([.. items.Select(i => i?.DeepClone())]);
            detail["nested"] = new JsonObject { ["b"] = 1, ["a"] = new JsonArray(true, null, "x") };
            return detail;
        });

    private static readonly Gen<AuditRecord> Record = Gen.Select(
        Gen.OneOf("resolver/act-1", "alice", "system", "Ünïcode op"),
        Gen.OneOf("decision", "approval", "execution", "rollback", "override"),
        Gen.OneOf<string?>(null, "act-1", "act-2"),
        Gen.OneOf("AUTO_EXECUTE", "BLOCKED", "APPROVED", "APPLIED"),
        Detail,
        (actor, kind, actionId, decision, detail) => AuditRecord.Create(actor, kind, actionId, decision, detail));

    private static readonly Gen<List<AuditEntry>> Chain = Gen.Select(Record, Gen.Long[0, 10_000_000_000]).Array[1, 25].Select(records =>
    {
        var head = AuditHead.Genesis;
        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var chain = new List<AuditEntry>();
        foreach (var (record, ticks) in records)
        {
            at = at.AddTicks(ticks);
            var entry = AuditChain.Append(head, record, at);
            chain.Add(entry);
            head = entry.Head;
        }

        return chain;
    });

    private enum Tamper
    {
        Edit,
        EditAndRehash,
        Delete,
        Swap,
        Insert,
    }

    private static AuditEntry Edit(AuditEntry entry, int field) => field switch
    {
        0 => entry with { Actor = entry.Actor + "x" },
        1 => entry with { Kind = "approval-forged" },
        2 => entry with { ActionId = entry.ActionId is null ? "act-7" : null },
        3 => entry with { Decision = entry.Decision == "BLOCKED" ? "AUTO_EXECUTE" : "BLOCKED" },
        4 => entry with { Detail = Mutate(entry.Detail) },
        5 => entry with { At = entry.At.AddTicks(10) },
        6 => entry with { Seq = entry.Seq + 100 },
        7 => entry with { Hash = Flip(entry.Hash) },
        _ => entry with { PrevHash = Flip(entry.PrevHash) },
    };

    private static string Mutate(string detail)
    {
        var node = JsonNode.Parse(detail)!.AsObject();
        node["outcome"] = node["outcome"]?.ToJsonString() == "\"APPROVED\"" ? "REJECTED" : "APPROVED";
        return node.ToJsonString();
    }

    private static string Flip(string hash) => (hash[0] == '0' ? "1" : "0") + hash[1..];

    [Fact]
    public void An_untouched_chain_verifies_even_after_storage_reformats_its_json()
    {
        Chain.Sample(chain =>
        {
            var head = chain[^1].Head;
            Assert.Equal(new AuditVerification(true, chain.Count, null, null), AuditChain.Verify(chain, head));
            // jsonb reorders members and drops or adds whitespace; the canonical form does not change.
            var reformatted = chain.Select(e => e with
            {
                Detail = JsonSerializer.Serialize(JsonNode.Parse(e.Detail)!.AsObject().Reverse().ToDictionary(p => p.Key, p => p.Value), new JsonSerializerOptions { WriteIndented = true }),
            }).ToList();
            Assert.True(AuditChain.Verify(reformatted, head).Valid);
        }, iter: 1_000);
    }

    [Fact]
    public void The_verifier_reports_the_first_tampered_entry_for_every_tamper()
    {
        var tampers = Gen.Select(Gen.OneOf(Tamper.Edit, Tamper.EditAndRehash, Tamper.Delete, Tamper.Swap, Tamper.Insert), Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 8], Record);
        Gen.Select(Chain, tampers).Sample((chain, tamper) =>
        {
            var (kind, a, b, field, forged) = tamper;
            var anchor = chain[^1].Head;
            var k = a % chain.Count;
            var stored = chain.ToList();
            long expected;
            switch (kind)
            {
                case Tamper.Edit:
                    stored[k] = Edit(stored[k], field);
                    expected = k + 1;
                    break;
                case Tamper.EditAndRehash:
                    var edited = Edit(stored[k], field % 6);
                    stored[k] = edited with { Hash = AuditChain.ComputeHash(edited) };
                    expected = k + 1;
                    break;
                case Tamper.Delete:
                    stored.RemoveAt(k);
                    expected = k + 1;
                    break;
                case Tamper.Swap:
                    if (chain.Count < 2)
                    {
                        return;
                    }

                    var (i, j) = (Math.Min(k, (k + 1 + (b % (chain.Count - 1))) % chain.Count), Math.Max(k, (k + 1 + (b % (chain.Count - 1))) % chain.Count));
                    (stored[i], stored[j]) = (stored[j], stored[i]);
                    expected = i + 1;
                    break;
                default:
                    // A forged entry put in entry k's place, correctly linked and hashed; the real one follows.
                    var previous = k == 0 ? AuditHead.Genesis : chain[k - 1].Head;
                    stored.Insert(k, AuditChain.Append(previous, forged, chain[k].At));
                    expected = k + 1;
                    break;
            }

            var report = AuditChain.Verify(stored, anchor);
            Assert.False(report.Valid);
            Assert.Equal(expected, report.FirstBrokenSeq);
            Assert.Equal(stored.Count, report.Entries);
            Assert.True(AuditChain.Verify(stored.Take((int)expected - 1)).Valid, "every entry before the reported one verifies");
        }, iter: 5_000);
    }
}
