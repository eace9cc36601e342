using System.Net;
using System.Text.Json;
using static OrleansNetOps.Silo.Tests.Decisions.DecisionApiTests;

namespace OrleansNetOps.Silo.Tests.Decisions;

/// <summary><c>POST /api/v1/actions</c> answers with the decision before the change reaches the device; the workflow goes on.</summary>
public sealed class ProposalAnswerTests
{
    [Fact]
    public async Task A_proposal_is_answered_with_its_decision_before_the_device_apply_and_then_runs_to_completion()
    {
        await using var silo = await SiloAsync(TimeSpan.Zero, TimeSpan.FromSeconds(1));
        await SendAsync(silo, HttpMethod.Put, "/api/v1/autonomy", "alice-key-0123456789", new { phase = "semi" });

        var proposed = await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "olga-key-01234567890", HarmlessChange, HttpStatusCode.Created);

        // The answer is the action as it stood at the execute step: proven and decided, nothing sent yet.
        Assert.Equal(("EXECUTING", "T1"), (State(proposed), proposed.GetProperty("tier").GetString()));
        Assert.True(proposed.GetProperty("whatIf").GetProperty("passed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, proposed.GetProperty("execution").ValueKind);
        Assert.Equal(["ANALYZING", "PLANNING", "EXECUTING"], proposed.GetProperty("checkpoints").EnumerateArray().Select(c => c.GetProperty("to").GetString()!));

        var id = proposed.GetProperty("id").GetString()!;
        var done = await UntilAsync(silo, id, a => State(a) is "COMPLETED" or "FAILED" or "ROLLED_BACK");
        Assert.True(State(done) == "COMPLETED", done.ToString());
        Assert.True(done.GetProperty("execution").GetProperty("readBackConfirmed").GetBoolean());
        Assert.Equal(1, Applies(silo));
    }
}
