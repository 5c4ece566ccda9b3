import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slotsOfType, typesOf } from '../helpers/analyze';

describe('list markers, paths, versions, code and table cells are not statistics', () => {
  it('a list marker is not a value, inline or at the start of an item', () => {
    assert.deepEqual(slotsOfType('The inner planets are these: 1. Mercury 2. Venus 3. Earth 4. Mars', 'statistic'), []);
    assert.deepEqual(slotsOfType('Two steps remain: 1) run the tests, 2) tag the release.', 'statistic'), ['number=Two']);
    assert.deepEqual(slotsOfType('Ingredients:\n\n1. Flour is sifted first.\n2. Sugar follows it.', 'statistic'), []);
  });

  it('but a figure ending a sentence or inside a parenthesis is still one', () => {
    assert.deepEqual(slotsOfType('The herd shrank to 12. Then it recovered.', 'statistic'), ['number=12']);
    assert.deepEqual(slotsOfType('The survey (of 40) found little.', 'statistic'), ['number=40']);
  });

  it('digits inside a path or a URL fragment are not a value', () => {
    assert.deepEqual(slotsOfType('The archive keeps it at /2019/07/minutes.md for the board.', 'statistic'), []);
    assert.deepEqual(slotsOfType('The notes live in docs/v3/2020/review.md beside 14 other files.', 'statistic'), ['number=14']);
  });

  it('a fraction and a unit per unit are still quantities', () => {
    assert.deepEqual(slotsOfType('Trains there reach 300km/h on 2/3 of the line.', 'statistic'), ['number=300', 'number=2/3']);
  });

  it('a product followed by a dotted number is a version, not a statistic', () => {
    assert.deepEqual(typesOf('esbuild 0.19 is much faster than its rivals.'), ['version']);
    assert.deepEqual(slotsOfType('Deno.js 1.40 and rollup 4.9 were tested.', 'version'), ['version=Deno.js 1.40', 'version=rollup 4.9']);
    assert.deepEqual(slotsOfType('The kernel v6.1.4 boots here.', 'version'), ['version=6.1.4']);
    assert.deepEqual(slotsOfType('The ratio is 2.75 for this sample.', 'statistic'), ['number=2.75'], 'a figure after a verb stays a figure');
    assert.deepEqual(slotsOfType('The parcel weighs 5.25 kg.', 'statistic'), ['number=5.25'], 'a figure with a unit stays a figure');
    assert.deepEqual(slotsOfType('Figure 2.4 shows the curve, and its accuracy 91.2 is high.', 'version'), [], 'a label or a measure is no product');
  });

  it('numbers in inline code are never values', () => {
    assert.deepEqual(typesOf('Set `maxRetries: 7` and `timeout = 250` in the file.'), []);
  });

  it('in a table a bare figure is a cell of data; a figure with its unit still states something', () => {
    const table = '| system | F1 | latency |\n|---|---|---|\n| Alpha | 88.1 | 40 ms |\n| Beta | 91.7 | 35 ms |\n| Gamma | 90 | 12% |';
    assert.deepEqual(slotsOfType(table, 'statistic'), ['number=40', 'number=35', 'percent=12%']);
  });
});

describe('quantities that were missed', () => {
  it('"billions of", "hundreds of", "thousands of"', () => {
    assert.deepEqual(slotsOfType('The Andromeda galaxy holds billions of stars.', 'statistic'), ['number=billions']);
    assert.deepEqual(slotsOfType('The fire destroyed hundreds of homes.', 'statistic'), ['number=hundreds']);
  });

  it('a range is one value, with or without a space before its unit', () => {
    assert.deepEqual(slotsOfType('An adult needs 400–420 mg of it a day.', 'statistic'), ['number=400–420']);
    assert.deepEqual(slotsOfType('The tablet holds 250-500mg of caffeine.', 'statistic'), ['number=250-500']);
    assert.deepEqual(slotsOfType('Its population rose from 2,000 to 9,000 people.', 'statistic'), ['number=2,000', 'number=9,000'], 'from … to … is a change, not a range');
  });
});

describe('boilerplate and plans are not claims', () => {
  it('a chat model talking about itself', () => {
    assert.deepEqual(typesOf('As an AI language model, I cannot browse the 2023 news about the largest bank.'), []);
    assert.deepEqual(typesOf("I'm sorry, but I don't have data on the 12 tallest towers."), []);
    assert.deepEqual(typesOf("As an AI, I don't have personal opinions about Paris."), []);
  });

  it('the knowledge-cutoff clause is not dated, the rest of the sentence still is', () => {
    assert.deepEqual(typesOf('As of my knowledge cutoff in September 2021, nothing had changed.'), []);
    assert.deepEqual(slotsOfType('As of my last update in March 2022, the band had released 6 albums.', 'statistic'), ['number=6']);
    assert.deepEqual(typesOf('As of my last update in March 2022, the band had released 6 albums.'), ['statistic']);
  });

  it('a plan or a future change', () => {
    assert.deepEqual(typesOf('The new resolver will become the default in version 9.'), []);
    assert.deepEqual(typesOf('The legacy API is going to be removed in 2027.'), []);
    assert.deepEqual(typesOf('The flag will be deprecated in a future release.'), []);
    assert.deepEqual(typesOf('The team plans to ship the rewrite by March 2026.'), []);
    assert.deepEqual(typesOf('The resolver became the default in 2021.'), ['event-date'], 'a past change is a fact');
  });
});

describe('superlatives: idioms and names are not rankings; the slot is the ranked phrase', () => {
  it('idioms holding a superlative word rank nothing', () => {
    for (const sentence of [
      'She moved to Lyon with her best friend.',
      'The startup took its first steps in a garage.',
      'Visit the portal for the most up-to-date information.',
      'The tool has at least three modes.',
      'They made the most of the short summer.',
      'We packed food and hoped for the best.',
      'Read the latest news on the project site.',
      'The cache evicts the most recently used entry.',
    ])
      assert.deepEqual(slotsOfType(sentence, 'superlative'), [], sentence);
  });

  it('a capitalised superlative after its determiner is part of a name', () => {
    assert.deepEqual(slotsOfType('The team won the Best Student Paper Award in Vienna.', 'superlative'), []);
    assert.deepEqual(slotsOfType('She met the First Lady at the summit.', 'superlative'), []);
  });

  it('rankings of taste or advice are not facts', () => {
    assert.deepEqual(slotsOfType('Our cream gives you the most effective care.', 'superlative'), []);
    assert.deepEqual(slotsOfType('To choose the best plumber, compare three quotes.', 'superlative'), []);
  });

  it('the slot covers the ranked phrase, with "one of" and one place phrase', () => {
    assert.deepEqual(slotsOfType('Lake Baikal is the deepest lake in the world.', 'superlative'), ['superlative=the deepest lake in the world']);
    assert.deepEqual(slotsOfType('Oslo has one of the oldest public libraries in Norway.', 'superlative'), ['superlative=one of the oldest public libraries in Norway']);
    assert.deepEqual(slotsOfType('He opened the first dental clinic in the region and the first school.', 'superlative'), ['superlative=the first dental clinic in the region', 'superlative=the first school']);
  });

  it('when the ranking is the subject of "is", the slot is the one it names', () => {
    assert.deepEqual(slotsOfType('The longest river in Europe is the Volga.', 'superlative'), ['superlative=Volga']);
    assert.deepEqual(slotsOfType('The best-selling novel of 1925 was "The Green Hat".', 'superlative'), ['superlative=The Green Hat']);
    // A title wink reads as part of the name stays in the slot.
    assert.match(slotsOfType('In 1990, the oldest member of the Senate was Senator Strom Thurmond.', 'superlative').join(), /^superlative=(?:Senator )?Strom Thurmond$/);
  });

  it('a ranking a past fact makes is still a claim; a plan is not', () => {
    assert.deepEqual(typesOf('Version 3 made the new parser the fastest option.'), ['version', 'superlative']);
  });
});

describe('entity relations: whole names, and no demonym or acronym as an object', () => {
  it('a multi-word name is one slot', () => {
    assert.deepEqual(slotsOfType('Chen chaired the 2019 Annual Meeting of the Society for Neuroscience (SfN) in Chicago.', 'entity-relation'), [
      'object=Annual Meeting of the Society for Neuroscience (SfN)',
      'object=Chicago',
    ]);
    assert.deepEqual(slotsOfType('She trained at the École des Beaux-Arts and later joined the Liberal Party.', 'entity-relation'), ['object=École des Beaux-Arts', 'object=Liberal Party']);
    assert.deepEqual(slotsOfType('Hale sat on the Commission on Human Rights.', 'entity-relation'), ['object=Commission on Human Rights']);
  });

  it('places joined by hyphens stay whole', () => {
    assert.deepEqual(slotsOfType('Marie Dupont moved to Saint-Jean-de-Luz in 1931.', 'entity-relation'), ['object=Saint-Jean-de-Luz']);
  });

  it('a demonym or a faith is no related entity', () => {
    assert.deepEqual(slotsOfType('Kurt Adler was an Austrian chemist.', 'entity-relation'), []);
    assert.deepEqual(slotsOfType('Her family was Jewish and spoke Polish at home.', 'entity-relation'), []);
    assert.deepEqual(slotsOfType('Ruth Vale was an American engineer who worked for Boeing.', 'entity-relation'), ['object=Boeing']);
  });

  it('an acronym used as a term is no related entity, but one as an employer is', () => {
    assert.deepEqual(slotsOfType('The classifier reached a high AUC score on the benchmark.', 'entity-relation'), []);
    assert.deepEqual(slotsOfType('Lena Ortiz posted the preprint on arXiv last year.', 'entity-relation'), []);
    assert.deepEqual(slotsOfType('Silver reacts with nitric acid (HNO3) quickly.', 'entity-relation'), []);
    assert.deepEqual(slotsOfType('Tom Reyes joined IBM after his degree.', 'entity-relation'), ['object=IBM']);
  });
});

describe('definitions: a thing is defined, a person is introduced', () => {
  it('a pronoun or a pointer is no definition term', () => {
    for (const sentence of ['It is a common mineral in granite.', 'This is a small wrapper around the parser.', 'Here is a summary of the results:', 'There is a park near the station.'])
      assert.deepEqual(slotsOfType(sentence, 'definition'), [], sentence);
  });

  it('a full name "is a X" is no definition; the person is introduced as a biography', () => {
    assert.deepEqual(slotsOfType('Marta Kowalczyk is a prominent linguist.', 'definition'), []);
    assert.deepEqual(slotsOfType('Marta Kowalczyk is a prominent linguist.', 'biography'), ['object=linguist']);
  });

  it('the defining predicate is a slot, ending before a clause or an aside', () => {
    assert.deepEqual(slotsOfType('A lichen is a partnership of a fungus and an alga, which grows on rocks.', 'definition'), ['term=lichen', 'object=a partnership of a fungus and an alga']);
    assert.deepEqual(slotsOfType('Osmosis is the process by which water crosses a membrane.', 'definition'), ['term=Osmosis', 'object=the process by which water crosses a membrane']);
  });
});

describe('biography: a person introduced by nationality, occupations and life span', () => {
  it('the opening sentence of a biography', () => {
    assert.deepEqual(slotsOfType('Anna Maria Holt (1801–1877) was a Danish painter, engraver and teacher.', 'biography'), [
      'date=(1801–1877)',
      'place=Danish',
      'object=painter',
      'object=engraver',
      'object=teacher',
    ]);
    assert.deepEqual(slotsOfType('Pedro Alves (born 3 May 1960) is a Portuguese former footballer and coach.', 'biography'), ['date=3 May 1960', 'place=Portuguese', 'object=former footballer', 'object=coach']);
    assert.deepEqual(slotsOfType('She was an Irish poet of the nineteenth century.', 'biography'), ['place=Irish', 'object=poet']);
  });

  it('an organisation "is a X" is not a person', () => {
    assert.deepEqual(slotsOfType('Acme Robotics is a small firm in Leeds.', 'biography'), []);
  });
});

describe('dates counted back from now, and hedges per clause', () => {
  it('"around 10,000 years ago" is an event date', () => {
    assert.deepEqual(slotsOfType('Rice was first farmed around 9,000 years ago.', 'event-date'), ['date=around 9,000 years ago']);
    assert.deepEqual(slotsOfType('The crater formed some 2.5 million years ago.', 'event-date'), ['date=some 2.5 million years ago']);
  });

  it('a hedge removes its own clause, not the whole sentence', () => {
    assert.deepEqual(slotsOfType('It might look modest, but the reef hosts thousands of species.', 'statistic'), ['number=thousands']);
    assert.deepEqual(typesOf('The tour sold 40,000 tickets, but a second leg could follow in 2027.'), ['statistic']);
    assert.deepEqual(typesOf('The effect may depend on the 12 factors studied.'), [], 'a sentence hedged throughout is still hedged');
  });
});

describe('held-out forms of the same classes', () => {
  it('a marker glued to its item ("1.Abigail") is still a marker', () => {
    assert.deepEqual(slotsOfType('The winners were:\n1.Ada Lovelace (1843)\n2.Grace Hopper (1952)', 'statistic'), []);
  });

  it('more idioms: "tries her best", "the first to know", "you deserve the very best"', () => {
    for (const sentence of ['Nina tries her best to stay calm.', 'Members are the first to know about new releases.', 'You deserve the very best care for your skin.'])
      assert.deepEqual(slotsOfType(sentence, 'superlative'), [], sentence);
  });

  it('an evaluation is no part of an occupation', () => {
    assert.deepEqual(slotsOfType('Omar Haddad was a prolific collector of stamps.', 'biography'), ['object=collector']);
  });
});

describe('quoted titles are one name', () => {
  it('an album or song title in quotes is one slot, whatever its words', () => {
    assert.deepEqual(slotsOfType('Tom Petty released "Days of Thunder" and "Into the Great Wide Open" that year.', 'entity-relation'), ['object=Days of Thunder', 'object=Into the Great Wide Open']);
  });

  it('a quoted sentence is no title', () => {
    assert.deepEqual(slotsOfType('Lee wrote "We Are All In This Together Until The Very End" on the wall.', 'entity-relation'), []);
  });
});

describe('reference-list entries', () => {
  it('"Surname, I., et al. (year)." is one citation, its volume and pages are not statistics', () => {
    assert.deepEqual(slotsOfType('Fang, H., et al. (2010). Sleep and memory. Journal of Sleep Research, 19(2), 120-131.', 'citation'), ['author=Fang, H., et al.', 'year=2010']);
    assert.deepEqual(typesOf('Fang, H., et al. (2010). Sleep and memory. Journal of Sleep Research, 19(2), 120-131.'), ['citation']);
    assert.deepEqual(slotsOfType('Okafor, C. N., & Lindqvist, A.-M. (2021). Tidal energy in practice.', 'citation'), ['author=Okafor, C. N., & Lindqvist, A.-M.', 'year=2021']);
  });
});

describe('a year naming an event', () => {
  it('"the 2020 general election" dates the claim as "in 2020" does; a count after "the" does not', () => {
    assert.deepEqual(slotsOfType('She was re-elected in the 2016 general election.', 'event-date'), ['date=2016']);
    assert.deepEqual(slotsOfType('The team lost the 1994 World Cup final on penalties.', 'event-date'), ['date=1994']);
    assert.deepEqual(slotsOfType('He led the 1500 soldiers across the river.', 'event-date'), []);
  });
});
