/** Content collections: the guide articles (one MDX file per language in site/guides/{nb,en}/) and the rule pack's changelog. */
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A source behind a guide; `status` is SPEC.md's tag ([P] primary, [S] secondary, [R] unverified), as in the decision JSON. */
const source = z.object({
  title: z.string().min(3),
  url: z.string().url().startsWith('https://'),
  status: z.enum(['primary', 'secondary', 'unverified']),
});

const guides = defineCollection({
  // Ids are the file paths ("nb/samtykke"), so the two languages never collide.
  loader: glob({
    pattern: '{nb,en}/*.mdx',
    base: './site/guides',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: z.object({
    title: z.string().min(5).max(90),
    description: z.string().min(20).max(200),
    lang: z.enum(['nb', 'en']),
    /** URL segment in this language: /veiledning/<slug>/ or /en/guides/<slug>/. */
    slug: z.string().regex(kebab),
    /** Language-independent key shared by the bokmål and English version of the same guide. */
    pair: z.string().regex(kebab),
    order: z.number().int().positive(),
    reviewed: z.coerce.date(),
    sources: z.array(source).min(1),
  }),
});

/** The rule pack's changelog (rules/CHANGELOG.md), kept by the legal staff; rendered at /endringer/ and /en/changes/. */
const changelog = defineCollection({
  loader: glob({ pattern: 'CHANGELOG.md', base: './rules' }),
});

export const collections = { guides, changelog };
