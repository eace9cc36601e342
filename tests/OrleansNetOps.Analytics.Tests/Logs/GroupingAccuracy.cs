namespace OrleansNetOps.Analytics.Tests.Logs;

/// <summary>
/// Loghub's grouping accuracy (logparser's <c>evaluator.get_accuracy</c>): a line counts as correct when the set of
/// lines in its predicted group is exactly the set of lines in its ground-truth group.
/// </summary>
internal static class GroupingAccuracy
{
    public static double Of(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException($"{truth.Count} ground-truth labels but {predicted.Count} predictions");
        }

        var truthGroups = Groups(truth);
        var predictedGroups = Groups(predicted);
        var correct = 0;
        foreach (var members in predictedGroups.Values)
        {
            var label = truth[members[0]];
            if (members.All(i => truth[i] == label) && truthGroups[label].Count == members.Count)
            {
                correct += members.Count;
            }
        }

        return (double)correct / truth.Count;
    }

    private static Dictionary<string, List<int>> Groups(IReadOnlyList<string> labels)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            if (!groups.TryGetValue(labels[i], out var members))
            {
                groups[labels[i]] = members = [];
            }

            members.Add(i);
        }

        return groups;
    }
}
