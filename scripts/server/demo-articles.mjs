// @ts-check
/**
 * The demo feed's articles: the seed article the app was modelled on (real text)
 * and invented stories across the channel's four sections. Invented stories quote invented people
 * only. `ROTATION` holds the stories that "break" while the demo runs (see demo-feed.mjs).
 */

/**
 * @typedef {'Newsfront' | 'Health' | 'Money' | 'World'} Section
 * @typedef {object} DemoArticle
 * @property {number} id  the site's article id (in the URL)
 * @property {string} slug
 * @property {Section} section
 * @property {string} headline
 * @property {string} byline
 * @property {string} published  ISO 8601 with the newsroom's offset
 * @property {string[]} tags
 * @property {string} summary
 * @property {string[]} body  paragraphs
 * @property {boolean} [breaking]
 * @property {string} [image]  absolute http(s) URL
 * @property {string} [link]  overrides the URL built from section/slug/date/id (hostile items)
 */

export const SITE = 'https://news.example.com'

/** The article page, e.g. https://news.example.com/newsfront/kremlin-putin-trump-call/2025/11/19/id/1234/ */
export function articleLink(/** @type {DemoArticle} */ a) {
  if (a.link !== undefined) return a.link
  const day = a.published.slice(0, 10).replace(/-/g, '/')
  return `${SITE}/${a.section.toLowerCase()}/${a.slug}/${day}/id/${a.id}/`
}

/** @type {DemoArticle} */
export const SEED_ARTICLE = {
  id: 1234,
  slug: 'kremlin-putin-trump-call',
  section: 'Newsfront',
  headline: "Kremlin: Putin-Trump Call Could Be Arranged 'Immediately'",
  byline: 'Eric Mack',
  published: '2025-11-19T14:38:00-05:00',
  tags: ['russia', 'war', 'peace talks', 'putin', 'trump'],
  summary:
    'Kremlin spokesman Dmitry Peskov said Tuesday a call between Russian President Vladimir Putin and President Donald Trump could be organized "immediately," stressing that any such exchange would still require advance preparation.',
  body: [
    'Kremlin spokesman Dmitry Peskov said Tuesday a call between Russian President Vladimir Putin and President Donald Trump could be organized "immediately," stressing that any such exchange would still require advance preparation.',
    "Peskov's comment, reported by the state-run Tass news agency, did not elaborate on what topics the leaders might address or whether any formal request for a call has been made. He noted only that the Kremlin views the logistical side of arranging contact as straightforward.",
    'The statement comes amid heightened international attention on U.S.-Russia relations and follows questions about whether the two leaders might speak in the near future.',
    'It also comes as a U.S. delegation led by Army Secretary Daniel Driscoll arrived in Kyiv on a "fact-finding mission" and to discuss an end to Ukraine\'s war with Russia, the U.S. Embassy in Kyiv said Wednesday.',
    '"Secretary Driscoll and team arrived this morning in Kyiv on behalf of the Trump Administration on a fact-finding mission to meet with Ukrainian officials and discuss an end to the war," it said in a statement, citing U.S. Army Chief of Public Affairs Col. Dave Butler.',
    'Ukrainian President Volodymyr Zelenskyy was meeting two top U.S. Army officials in Kyiv, a person familiar with the matter told Reuters. The officials are Driscoll and Army Chief of Staff Gen. Randy George, the source said.',
    'The two are the most senior U.S. military officials to visit the Ukrainian capital since President Trump took office in January.',
    'Reuters contributed to this report.',
  ],
}

/** Shorthand for the invented stories: id, section, slug, published, byline, headline, tags, summary, body… */
function story(
  /** @type {number} */ id, /** @type {Section} */ section, /** @type {string} */ slug, /** @type {string} */ published,
  /** @type {string} */ byline, /** @type {string} */ headline, /** @type {string[]} */ tags, /** @type {string} */ summary,
  /** @type {string[]} */ body, /** @type {{ breaking?: boolean, image?: string }} */ extra = {},
) {
  /** @type {DemoArticle} */
  const article = { id, section, slug, published, byline, headline, tags, summary, body: [summary, ...body], ...extra }
  return article
}
const image = (/** @type {string} */ name) => `${SITE}/images/2025/11/${name}.jpg`

/** @type {DemoArticle[]} */
export const INVENTED_ARTICLES = [
  story(1301, 'Newsfront', 'senate-passes-stopgap-funding', '2025-11-19T16:05:00-05:00', 'Laura Bennett',
    'Senate Passes Stopgap Bill to Keep Government Open Through January', ['congress', 'budget', 'shutdown'],
    'The Senate voted 71-27 on Wednesday to fund federal agencies through Jan. 30, sending the measure to the House a day before the deadline.',
    ['The bill keeps spending at current levels and adds emergency money for wildfire recovery in three Western states.',
      'House leaders said they expected a vote Thursday morning. A clerk in the chamber said members had been told to stay in Washington.'],
    { breaking: true, image: image('capitol-dome') }),
  story(1298, 'Newsfront', 'winter-storm-northeast-travel', '2025-11-19T11:20:00-05:00', 'Marcus Hale',
    'Early Winter Storm Threatens Thanksgiving Travel in the Northeast', ['weather', 'travel', 'snow'],
    'Forecasters warned that up to a foot of snow could fall from Pennsylvania to Maine by Friday, days before the busiest travel week of the year.',
    ['Airlines began offering free rebooking for flights through Boston, Hartford and Albany.',
      '"Get where you are going by Thursday night if you can," said regional forecaster Alan Pruitt of the National Weather Service office in Albany.']),
  story(1295, 'Newsfront', 'supreme-court-hears-app-privacy-case', '2025-11-18T15:45:00-05:00', 'Laura Bennett',
    'Supreme Court Weighs Whether Police Need a Warrant for App Location Data', ['supreme court', 'privacy', 'technology'],
    'The justices heard arguments Tuesday in a case testing whether location histories held by phone apps are protected by the Fourth Amendment.',
    ['Lawyers for the state argued that users agree to share the data when they install the apps.',
      'A ruling is expected by the end of June.']),
  story(1290, 'Newsfront', 'border-crossings-october-figures', '2025-11-18T09:10:00-05:00', 'Marcus Hale',
    'October Border Crossings Fall to Lowest Level in Five Years', ['immigration', 'border', 'dhs'],
    'Apprehensions at the southern border dropped for the sixth straight month in October, according to figures released Tuesday.',
    ['Officials credited new processing centers and agreements with transit countries.',
      'Advocacy groups said the numbers hide longer waits for asylum seekers at ports of entry.']),
  story(1287, 'Newsfront', 'veterans-day-parade-record-crowd', '2025-11-17T18:30:00-05:00', 'Grace Okafor',
    'Record Crowds Line Fifth Avenue for Veterans Day Parade', ['veterans', 'new york', 'military'],
    'More than 30,000 marchers and an estimated half a million spectators turned out for the nation\'s largest Veterans Day parade.',
    ['This year\'s grand marshal, retired Navy nurse Helen Marsh, 101, rode at the head of the parade.',
      'Organizers said 300 veterans\' groups took part, a record.']),

  story(1302, 'Health', 'fda-approves-weekly-insulin', '2025-11-19T13:15:00-05:00', 'Dr. Priya Raman',
    'FDA Approves First Once-Weekly Insulin for Type 2 Diabetes', ['fda', 'diabetes', 'insulin'],
    'Federal regulators approved a basal insulin taken once a week, which could replace daily injections for millions of patients.',
    ['In trials, the weekly shot controlled blood sugar as well as daily insulin, with similar rates of low blood sugar.',
      'The maker said it expects the drug in pharmacies early next year.'],
    { image: image('insulin-pen') }),
  story(1296, 'Health', 'flu-season-early-start', '2025-11-18T12:00:00-05:00', 'Dr. Priya Raman',
    'Flu Season Off to Its Earliest Start in a Decade, CDC Says', ['flu', 'cdc', 'vaccines'],
    'Doctor visits for flu-like illness are running ahead of every season since 2015, with the South hit first.',
    ['Health officials urged people who have not been vaccinated to do so before holiday gatherings.',
      'Hospitals in Texas and Louisiana reported emergency rooms at capacity on Monday.']),
  story(1291, 'Health', 'walking-study-heart-risk', '2025-11-17T16:40:00-05:00', 'Tom Whitaker',
    'Study: 7,000 Steps a Day Cuts Heart Risk by Nearly a Third', ['heart health', 'exercise', 'study'],
    'Adults who walked about 7,000 steps a day had a 31% lower risk of heart disease than those who walked 2,000, a large review found.',
    ['The benefit leveled off at around 9,000 steps, the researchers said.',
      '"You do not need 10,000 steps to see a real difference," said lead author Dr. Elena Duarte.']),
  story(1286, 'Health', 'measles-cases-rise-schools', '2025-11-17T10:05:00-05:00', 'Grace Okafor',
    'Measles Cases Climb in Three States as School Vaccination Rates Slip', ['measles', 'vaccines', 'schools'],
    'State health departments reported 42 new measles cases in a week, most in children who had not been vaccinated.',
    ['Officials in two counties closed a school for a week to stop the spread.',
      'Kindergarten vaccination rates fell for the fourth year in a row, federal data show.']),
  story(1283, 'Health', 'sleep-apnea-drug-trial', '2025-11-16T14:20:00-05:00', 'Tom Whitaker',
    'Pill for Sleep Apnea Shows Promise in Late-Stage Trial', ['sleep', 'clinical trials'],
    'A nightly pill cut breathing interruptions by half in people with obstructive sleep apnea, its maker said Sunday.',
    ['If approved, it would be the first drug for the condition, which is usually treated with a breathing machine.']),

  story(1303, 'Money', 'fed-holds-rates-steady', '2025-11-19T15:02:00-05:00', 'Dana Whitfield',
    'Fed Holds Rates Steady, Signals Patience on Further Cuts', ['federal reserve', 'interest rates', 'economy'],
    'The Federal Reserve left its benchmark rate unchanged on Wednesday and said it would watch December\'s jobs data before moving again.',
    ['Futures markets trimmed bets on a December cut after the statement.',
      'Two members of the committee dissented in favor of a quarter-point cut.'],
    { breaking: true, image: image('federal-reserve') }),
  story(1297, 'Money', 'stocks-record-chipmakers', '2025-11-18T16:20:00-05:00', 'Dana Whitfield',
    'Stocks Close at Record as Chipmakers Rally', ['stocks', 'wall street', 'technology'],
    'The S&P 500 closed at a record high Tuesday, led by a 6% jump in semiconductor shares after strong earnings.',
    ['The Dow rose 0.8% and the Nasdaq gained 1.4%.', 'Treasury yields were little changed.']),
  story(1293, 'Money', 'mortgage-rates-lowest-2023', '2025-11-18T10:30:00-05:00', 'Kevin Brandt',
    'Mortgage Rates Fall to Lowest Level Since Early 2023', ['mortgages', 'housing'],
    'The average 30-year fixed mortgage rate fell to 5.9% this week, giving home buyers relief heading into winter.',
    ['Applications to refinance jumped 18% from the week before, an industry survey showed.']),
  story(1289, 'Money', 'paris-cafe-prices-coffee', '2025-11-17T12:45:00-05:00', 'Claire Dubois',
    'Café Prices in Paris Climb as Arabica Hits a 40-Year High', ['coffee', 'inflation', 'france'],
    'An espresso at the counter now costs €1.60 on average in Paris, up from €1.20 two years ago, as bean prices soar.',
    ['"Café crème is becoming a luxury," said Amélie Rousseau, who runs a café near the Gare de Lyon.',
      'Growers in Brazil and Vietnam have been hit by drought and unusual frosts.']),
  story(1284, 'Money', 'holiday-retail-forecast', '2025-11-16T09:00:00-05:00', 'Kevin Brandt',
    'Retailers Forecast Modest Holiday Sales Growth as Shoppers Hunt Deals', ['retail', 'holidays', 'consumers'],
    'The National Retail Federation expects holiday sales to rise about 3%, slower than last year.',
    ['Online sales are expected to grow three times as fast as sales in stores.']),

  story(1304, 'World', 'earthquake-central-chile', '2025-11-19T17:10:00-05:00', 'Maria Santos',
    'Magnitude 6.8 Earthquake Strikes Central Chile; No Tsunami Threat', ['earthquake', 'chile', 'disaster'],
    'A strong earthquake shook central Chile on Wednesday afternoon, swaying buildings in Santiago and cutting power to thousands.',
    ['The national emergency office said there were no immediate reports of deaths.',
      'The Pacific Tsunami Warning Center said there was no threat to coastlines.'],
    { breaking: true }),
  story(1299, 'World', 'sao-paulo-metro-line-6', '2025-11-19T08:30:00-05:00', 'Maria Santos',
    'São Paulo Opens Metro Line 6 After a Decade of Delays', ['brazil', 'transport', 'cities'],
    'The long-awaited Orange Line opened Wednesday, linking São Paulo\'s northwest to the city center in 23 minutes.',
    ['Officials expect 630,000 riders a day once all 15 stations are open.',
      '"Vai mudar a minha vida," said commuter João Araújo — it will change my life.']),
  story(1294, 'World', 'japan-election-coalition', '2025-11-18T07:15:00-05:00', 'Kenji Watanabe',
    'Japan\'s Governing Coalition Keeps Majority in Upper House By-Elections', ['japan', 'elections', 'asia'],
    'The governing coalition won four of six seats in Sunday\'s by-elections, keeping its upper house majority.',
    ['Turnout was 41%, the lowest for such a vote in two decades.']),
  story(1292, 'World', 'zurich-glacier-study', '2025-11-17T14:00:00-05:00', 'Anna Keller',
    'Swiss Glaciers Lost 3% of Their Ice This Year, Zürich Researchers Say', ['climate', 'switzerland', 'glaciers'],
    'Researchers at ETH Zürich said a hot summer and little snow left Swiss glaciers with their second-worst year on record.',
    ['Some smaller glaciers in the Valais region have all but disappeared, the team said.']),
  story(1288, 'World', 'eu-leaders-energy-summit', '2025-11-17T06:40:00-05:00', 'Claire Dubois',
    'EU Leaders Agree on Joint Gas Purchases Ahead of Winter', ['european union', 'energy', 'natural gas'],
    'European Union leaders agreed in Brussels to pool gas purchases for a second winter in a row.',
    ['Storage across the bloc is 94% full, officials said.']),
  story(1285, 'World', 'canada-wildfire-report', '2025-11-16T11:30:00-05:00', 'Anna Keller',
    'Canada\'s Wildfire Season Was Its Second Largest on Record, Report Finds', ['canada', 'wildfires', 'climate'],
    'Fires burned more than 8 million hectares this year, the national forestry agency said in its year-end report.',
    ['More than 60,000 people were evacuated at some point during the season.']),
]

export const DEMO_ARTICLES = [SEED_ARTICLE, ...INVENTED_ARTICLES]

/**
 * Stories that break while the demo runs: one becomes visible every `newItemEverySeconds`. Their
 * date is the moment they appear, so `published` here is only a placeholder.
 * @type {DemoArticle[]}
 */
export const ROTATION = [
  story(0, 'Newsfront', 'house-vote-funding-bill', '', 'Laura Bennett',
    'House Begins Debate on Stopgap Funding Bill', ['congress', 'budget'],
    'The House opened debate on the Senate-passed funding bill, with a final vote expected within hours.', []),
  story(0, 'Money', 'oil-prices-jump-supply', '', 'Dana Whitfield',
    'Oil Prices Jump 4% on Supply Worries', ['oil', 'energy', 'markets'],
    'Benchmark crude rose above $80 a barrel for the first time since August after a pipeline outage.', []),
  story(0, 'World', 'chile-aftershock', '', 'Maria Santos',
    'Strong Aftershock Rattles Central Chile', ['earthquake', 'chile'],
    'A magnitude 5.9 aftershock struck near Valparaíso, officials said; there were no immediate reports of damage.', []),
  story(0, 'Health', 'hospital-flu-visitor-limits', '', 'Dr. Priya Raman',
    'Hospitals in Three States Limit Visitors as Flu Surges', ['flu', 'hospitals'],
    'Hospital systems in Texas, Louisiana and Georgia said they would limit visitors to two per patient.', []),
  story(0, 'Newsfront', 'airport-delays-storm', '', 'Marcus Hale',
    'Storm Grounds Hundreds of Flights at Northeast Airports', ['weather', 'travel'],
    'More than 700 flights were canceled at Boston, New York and Newark airports as snow moved in.', []),
  story(0, 'World', 'rescue-team-cave-thailand', '', 'Kenji Watanabe',
    'Rescuers Reach Hikers Trapped in Flooded Cave in Northern Thailand', ['thailand', 'rescue'],
    'Divers reached a group of six hikers who had been trapped for two days; all were reported in good condition.', []),
]

/**
 * The `hostile` fault's extra items: markup, script, javascript: links, entities and a bidi
 * override in titles and descriptions, as a compromised or careless CMS would send them.
 * @type {DemoArticle[]}
 */
export const HOSTILE_ARTICLES = [
  {
    ...story(1400, 'Money', 'hostile-markup', '2025-11-19T18:00:00-05:00', '<b>Staff</b>',
      '<b>Markets</b> <script>alert("xss")</script>Rally as Fed Holds &amp; Bonds Slip', ['<i>stocks</i>'],
      '<img src=x onerror="alert(1)"><a href="javascript:alert(document.cookie)">Click here</a> for the full story &hellip;',
      ['<iframe src="javascript:alert(1)"></iframe><style>body{display:none}</style>Shares rose.']),
    link: 'javascript:alert(document.cookie)',
    image: 'javascript:alert(1)',
  },
  {
    ...story(1401, 'World', 'hostile-entities', '2025-11-19T17:55:00-05:00', 'Desk',
      'Caf&#233; &#8220;Summit&#8221; Ends \u202Edias\u202C &mdash; Leaders &lt;Agree&gt;', ['world'],
      'Data link: <a href="data:text/html,<script>alert(1)</script>">open</a>', []),
    link: 'data:text/html,<script>alert(1)</script>',
  },
]
