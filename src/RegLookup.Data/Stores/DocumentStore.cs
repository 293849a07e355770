using Dapper;
using RegLookup.Data.Model;

namespace RegLookup.Data.Stores;

public sealed class DocumentStore(Database db)
{
    private const string Select = "SELECT id, number, type, title, issuer, issued_on, effective_on, status FROM documents";

    public async Task UpsertAsync(DbSession s, LegalDocument document)
    {
        await s.ExecuteAsync("""
            INSERT INTO documents (id, number, type, title, issuer, issued_on, effective_on, status)
            VALUES (@Id, @Number, @Type, @Title, @Issuer, @IssuedOn, @EffectiveOn, @Status)
            ON CONFLICT (id) DO UPDATE SET
                number = excluded.number, type = excluded.type, title = excluded.title, issuer = excluded.issuer,
                issued_on = excluded.issued_on, effective_on = excluded.effective_on, status = excluded.status
            """, document);
        s.Changed(Entities.Document, document.Id);
    }

    public Task<LegalDocument?> GetAsync(string id) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<LegalDocument>($"{Select} WHERE id = @id", new { id }));

    /// <summary>The document with this id, or else with this number whatever its case and spaces ("83/2014/nđ-cp"
    /// for 83/2014/NĐ-CP). SQLite's upper() leaves non-ASCII letters alone, which is enough: numbers write Đ in capitals.</summary>
    public Task<LegalDocument?> FindAsync(string idOrNumber) => db.ReadAsync(c => c.QueryFirstOrDefaultAsync<LegalDocument>(
        $"{Select} WHERE id = @id OR upper(number) = @number ORDER BY CASE WHEN id = @id THEN 0 ELSE 1 END, id",
        new { id = idOrNumber, number = string.Concat(idOrNumber.Where(ch => !char.IsWhiteSpace(ch))).ToUpperInvariant() }));

    public Task<List<LegalDocument>> GetManyAsync(IReadOnlyCollection<string> ids) =>
        db.ReadAsync(async c => (await c.QueryAsync<LegalDocument>($"{Select} WHERE {db.Dialect.In("id", "ids")} ORDER BY id", new { ids = ids.ToArray() })).ToList());

    public Task<List<LegalDocument>> ListByIssuerAsync(string issuer) =>
        db.ReadAsync(async c => (await c.QueryAsync<LegalDocument>(
            $"{Select} WHERE issuer = @issuer ORDER BY issued_on DESC, id", new { issuer })).ToList());

    public IAsyncEnumerable<LegalDocument> StreamAsync() =>
        Paging.StreamAsync<LegalDocument>(db, $"{Select} WHERE id > @After ORDER BY id LIMIT @Take", d => d.Id,
            batch => Task.FromResult(batch));
}
