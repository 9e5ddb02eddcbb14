import { CREATE_DOWNLOAD_LINK } from '@shared/documents/downloads';

import { graphql } from '../gql';

export const CreateDownloadLink = graphql(CREATE_DOWNLOAD_LINK);
