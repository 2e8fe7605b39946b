/** Valid judgements for the seed 003 types of ILACS, secure training centres, Cafcass and ITE (shared by the path, lifecycle and history tests). */
export const ilacsGood = { overallEffectiveness: 'good', impactOfLeaders: 'good', helpAndProtection: 'good', childrenInCare: 'good', careLeavers: 'good' };
export const stcGood = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', educationAndLearning: 'good', health: 'good', leadershipAndManagement: 'good' };
export const cafcassGood = { overallEffectiveness: 'good', experiencesAndProgressOfChildren: 'good', impactOfLeaders: 'good' };
export const iteGood = { overallEffectiveness: 'good', qualityOfEducationAndTraining: 'good', leadershipAndManagement: 'good' };
