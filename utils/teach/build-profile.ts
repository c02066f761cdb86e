/** The taught profile's builder lives with the site profiles (the background's learned rules use it too). */
export * from '../site-profiles/taught-profile';
